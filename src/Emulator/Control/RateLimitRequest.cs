namespace OpenWxCluster.Emulator.Control;

/// <summary>
/// POST /control/accounts/{wxid}/ratelimit: while enabled, send calls answer Ret 1205; with SyncCheck also
/// synccheck answers retcode 1205.
/// </summary>
public sealed record RateLimitRequest(bool Enabled, bool SyncCheck = false);
