namespace OpenWxCluster.Emulator;

/// <summary>The run-time tunables, swapped atomically as a whole so a request always sees one consistent set.</summary>
public sealed record EmulatorSettings(
    TimeSpan LoginPollHold,
    TimeSpan SyncCheckHold,
    TimeSpan QrLifetime,
    int ContactPageSize,
    int BatchGetContactLimit,
    int SyncBatchSize)
{
    internal static EmulatorSettings From(EmulatorOptions o) =>
        new(o.LoginPollHold, o.SyncCheckHold, o.QrLifetime, o.ContactPageSize, o.BatchGetContactLimit, o.SyncBatchSize);
}
