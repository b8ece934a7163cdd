namespace OpenWxCluster.Emulator.Wire;

/// <summary>A contact as webwxinit ContactList, webwxgetcontact MemberList, batch ContactList and ModContactList carry it.</summary>
public sealed record WireContact
{
    public long Uin { get; init; }
    public required string UserName { get; init; }
    public string NickName { get; init; } = "";
    public string HeadImgUrl { get; init; } = "";
    public int ContactFlag { get; init; }
    public int MemberCount { get; init; }
    public IReadOnlyList<WireMember> MemberList { get; init; } = [];
    public string RemarkName { get; init; } = "";
    public int HideInputBarFlag { get; init; }
    public int Sex { get; init; }
    public string Signature { get; init; } = "";
    public int VerifyFlag { get; init; }
    public long OwnerUin { get; init; }
    public string PYInitial { get; init; } = "";
    public string PYQuanPin { get; init; } = "";
    public string RemarkPYInitial { get; init; } = "";
    public string RemarkPYQuanPin { get; init; } = "";
    public int StarFriend { get; init; }
    public int AppAccountFlag { get; init; }
    public int Statues { get; init; }
    public long AttrStatus { get; init; }
    public string Province { get; init; } = "";
    public string City { get; init; } = "";
    public string Alias { get; init; } = "";
    public int SnsFlag { get; init; }
    public int UniFriend { get; init; }
    public string DisplayName { get; init; } = "";
    public long ChatRoomId { get; init; }
    public string KeyWord { get; init; } = "";
    public string EncryChatRoomId { get; init; } = "";
    public int IsOwner { get; init; }
}
