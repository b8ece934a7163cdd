namespace OpenWxCluster.Grains.Options;

/// <summary>Account pump settings (config section <c>OpenWx:Sync</c>).</summary>
public sealed class SyncOptions
{
    /// <summary>
    /// Pause before the next pump step when the last one neither advanced nor was held that long by upstream (Mojo's
    /// synccheck_interval is 1 s). A step that brought news or a held long-poll is followed at once.
    /// </summary>
    public TimeSpan PumpInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most quick steps (each bringing news) in a row before the pump rests a <see cref="PumpInterval"/>.</summary>
    public int MaxQuickSteps { get; set; } = 100;

    /// <summary>Pause after a transport failure before the next upstream call.</summary>
    public TimeSpan ErrorBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>At most this many webwxsync calls in a row while ContinueFlag ≠ 0.</summary>
    public int MaxContinue { get; set; } = 5;

    /// <summary>Send attempts on transport failures; each retry reuses the ClientMsgId so the server dedupes.</summary>
    public int SendAttempts { get; set; } = 3;

    /// <summary>Saved events waiting for the inbox at most; past it the oldest are dropped and counted.</summary>
    public int OutboxCapacity { get; set; } = 10_000;

    /// <summary>
    /// Received text longer than this (characters) is cut and marked, so an event stays far below the Orleans
    /// message size limit; the marker says how long the text was.
    /// </summary>
    public int MaxTextLength { get; set; } = 65_536;

    /// <summary>get_avatar waits this long for the upstream's image; Mojo then answers an empty HTTP 503.</summary>
    public TimeSpan AvatarTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>consult waits at most this many friends' replies at a time per account (each holds a waiter).</summary>
    public int MaxConsultWaiters { get; set; } = 256;

    /// <summary>Watchdog reminder period: restarts the pump after a silo loss if nothing else did.</summary>
    public TimeSpan WatchdogPeriod { get; set; } = TimeSpan.FromMinutes(1);

    // Login knobs (Mojo defaults), bound here so one section configures the account.
    public int PollsPerQrCode { get; set; } = 5;
    public int MaxQrCodeCount { get; set; } = 10;
    public int MaxSyncErrors { get; set; } = 10;
    public bool StopWithMobile { get; set; }
}
