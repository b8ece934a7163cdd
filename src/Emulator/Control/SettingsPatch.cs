namespace OpenWxCluster.Emulator.Control;

/// <summary>PUT /control/settings: null fields are unchanged. Durations are milliseconds.</summary>
public sealed record SettingsPatch
{
    public int? LoginPollHoldMs { get; init; }
    public int? SyncCheckHoldMs { get; init; }
    public int? QrLifetimeMs { get; init; }
    public int? ContactPageSize { get; init; }
    public int? BatchGetContactLimit { get; init; }
    public int? SyncBatchSize { get; init; }
}
