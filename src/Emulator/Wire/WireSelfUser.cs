namespace OpenWxCluster.Emulator.Wire;

/// <summary>webwxinit's User: the logged-in account.</summary>
public sealed record WireSelfUser
{
    public long Uin { get; init; }
    public required string UserName { get; init; }
    public string NickName { get; init; } = "";
    public string HeadImgUrl { get; init; } = "";
    public string RemarkName { get; init; } = "";
    public string PYInitial { get; init; } = "";
    public string PYQuanPin { get; init; } = "";
    public string RemarkPYInitial { get; init; } = "";
    public string RemarkPYQuanPin { get; init; } = "";
    public int HideInputBarFlag { get; init; }
    public int StarFriend { get; init; }
    public int Sex { get; init; }
    public string Signature { get; init; } = "";
    public int AppAccountFlag { get; init; }
    public int VerifyFlag { get; init; }
    public int ContactFlag { get; init; }
    public int WebWxPluginSwitch { get; init; }
    public int HeadImgFlag { get; init; } = 1;
    public int SnsFlag { get; init; } = 1;
    public string Alias { get; init; } = "";
    public string Province { get; init; } = "";
    public string City { get; init; } = "";
    public string DisplayName { get; init; } = "";
}
