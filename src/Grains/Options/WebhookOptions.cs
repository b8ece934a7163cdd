namespace OpenWxCluster.Grains.Options;

/// <summary>post_api delivery settings (config section <c>OpenWx:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    /// <summary>
    /// The cluster default post_api (Mojo's controller option): used by every account started without its own.
    /// Empty: none.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>Signing secret of the default webhook.</summary>
    public string? Secret { get; set; }

    /// <summary>post_event of the default webhook.</summary>
    public bool PostEvent { get; set; } = true;

    /// <summary>post_event_list of the default webhook; empty means Mojo's default list.</summary>
    public List<string> PostEventList { get; set; } = [];

    /// <summary>post_media_data of the default webhook.</summary>
    public bool PostMediaData { get; set; } = true;

    /// <summary>The cluster default poll_api (Mojo's controller option); empty: none.</summary>
    public string? PollUrl { get; set; }

    /// <summary>poll_interval of the default heartbeat (Mojo: 5 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Events waiting per account at most; past it the oldest are dropped and counted.</summary>
    public int Capacity { get; set; } = 10_000;

    /// <summary>
    /// Backlog events sealed together into one stored record, so a state write never holds more than this many of them
    /// however long the backlog grows (see WebhookBacklog).
    /// </summary>
    public int BacklogChunk { get; set; } = 32;

    /// <summary>How long an event is retried before it is given up (counted as failed).</summary>
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>One POST at most (Mojo: 35 s inactivity for non-blocking posts).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>First retry delay; doubles (with jitter) up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Delivery attempts kept per account for the delivery log.</summary>
    public int LogSize { get; set; } = 50;

    /// <summary>
    /// While deliveries flow, the attempt log is saved at most this often (at once when the backlog drains): a
    /// crash loses at most this long of the log, never an event.
    /// </summary>
    public TimeSpan LogSaveInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Reminder period that resumes delivery after a silo loss.</summary>
    public TimeSpan WatchdogPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// When not empty, destinations must match one entry: a host name (exact, case-insensitive), an IP address or
    /// a network in CIDR form (<c>10.0.0.0/8</c>).
    /// </summary>
    public List<string> AllowList { get; set; } = [];

    /// <summary>
    /// Networks refused (besides the built-in link-local and cloud metadata addresses, which the allow-list does
    /// not override unless <see cref="AllowLinkLocal"/>).
    /// </summary>
    public List<string> DenyList { get; set; } = [];

    /// <summary>Lets destinations resolve to link-local addresses (169.254/16, fe80::/10), metadata included.</summary>
    public bool AllowLinkLocal { get; set; }
}
