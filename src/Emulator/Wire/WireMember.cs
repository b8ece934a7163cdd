namespace OpenWxCluster.Emulator.Wire;

/// <summary>A group MemberList entry (DisplayName is the in-group card).</summary>
public sealed record WireMember(
    long Uin,
    string UserName,
    string NickName,
    long AttrStatus,
    string PYInitial,
    string PYQuanPin,
    string RemarkPYInitial,
    string RemarkPYQuanPin,
    int MemberStatus,
    string DisplayName,
    string KeyWord);
