namespace OpenWxCluster.QqEmulator.Control;

/// <summary>POST /control/bots: a bot account, online at once.</summary>
public sealed record CreateBotRequest(long SelfId, string Nickname);
