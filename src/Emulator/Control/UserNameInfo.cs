namespace OpenWxCluster.Emulator.Control;

/// <summary>GET /control/accounts/{wxid}/usernames/{id}: the UserName the account's current session uses for id.</summary>
public sealed record UserNameInfo(string Wxid, string Id, string UserName);
