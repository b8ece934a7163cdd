namespace OpenWxCluster.QqEmulator.World;

/// <summary>A QQ account as others see it (bots are users too).</summary>
public sealed record QqUser(long UserId, string Nickname, string Sex = "unknown", int Age = 0);
