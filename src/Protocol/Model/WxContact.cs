namespace OpenWxCluster.Protocol;

/// <summary>A contact as web WeChat describes it (user, group, public account or system contact).</summary>
public sealed record WxContact
{
    public required string UserName { get; init; }
    public string NickName { get; init; } = "";
    public string RemarkName { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Alias { get; init; } = "";
    public string Province { get; init; } = "";
    public string City { get; init; } = "";
    public string Signature { get; init; } = "";
    /// <summary>0 unknown, 1 male, 2 female.</summary>
    public int Sex { get; init; }
    public int VerifyFlag { get; init; }
    public long Uin { get; init; }
    public long OwnerUin { get; init; }
    public string HeadImgUrl { get; init; } = "";
    public string EncryChatRoomId { get; init; } = "";
    /// <summary>Group members (groups only).</summary>
    public IReadOnlyList<WxContact> MemberList { get; init; } = [];

    public bool IsGroup => UserName.StartsWith("@@", StringComparison.Ordinal) || UserName.EndsWith("@chatroom", StringComparison.Ordinal);
}
