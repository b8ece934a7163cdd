namespace OpenWxCluster.Emulator.Control;

/// <summary>A user of the emulated world, keyed by its stable wxid.</summary>
public sealed record UserInfo(
    string Wxid,
    long Uin,
    string NickName,
    int Sex,
    string Province,
    string City,
    string Signature,
    string Alias,
    int VerifyFlag,
    bool WebLoginRefused,
    int FriendCount,
    IReadOnlyList<string> Groups);
