namespace OpenWxCluster.Emulator.Control;

/// <summary>GET /control/settings. Durations are milliseconds.</summary>
public sealed record SettingsInfo(
    int LoginPollHoldMs,
    int SyncCheckHoldMs,
    int QrLifetimeMs,
    int ContactPageSize,
    int BatchGetContactLimit,
    int SyncBatchSize);
