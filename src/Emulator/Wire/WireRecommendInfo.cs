namespace OpenWxCluster.Emulator.Wire;

public sealed record WireRecommendInfo(
    string UserName,
    string NickName,
    long QQNum,
    string Province,
    string City,
    string Content,
    string Signature,
    string Alias,
    int Scene,
    int VerifyFlag,
    long AttrStatus,
    int Sex,
    string Ticket,
    int OpCode)
{
    public static WireRecommendInfo Empty { get; } = new("", "", 0, "", "", "", "", "", 0, 0, 0, 0, "", 0);
}
