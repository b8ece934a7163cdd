namespace OpenWxCluster.Emulator.Control;

/// <summary>A web session without its secrets. InvalidRetCode is 0 while the session is valid.</summary>
public sealed record SessionInfo(
    string Wxid,
    string UserName,
    long Uin,
    DateTimeOffset LoggedInAt,
    bool Initialized,
    int InvalidRetCode,
    bool RateLimited,
    int PendingEvents);
