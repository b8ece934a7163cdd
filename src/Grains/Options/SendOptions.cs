namespace OpenWxCluster.Grains.Options;

/// <summary>Per-account send pacing, queue and idempotency (config section <c>OpenWx:Send</c>).</summary>
public sealed class SendOptions
{
    /// <summary>
    /// Least time between two sends of one account. Off by default for single sends (each answers as soon as the
    /// upstream does); start_client's <c>send_interval</c> sets it per account.
    /// </summary>
    public TimeSpan Interval { get; set; } = TimeSpan.Zero;

    /// <summary>Least time between the messages of an <c>id=@all</c> broadcast: Mojo's 3 s send_interval.</summary>
    public TimeSpan BroadcastInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Sends waiting for their turn per account; past it a send is refused at once (code -7).</summary>
    public int QueueCapacity { get; set; } = 100;

    /// <summary>
    /// Sends of one account in flight upstream at once, to different conversations (one conversation's sends always
    /// go one at a time, in call order). 1 sends one at a time; so does an account with a send interval.
    /// </summary>
    public int Pipeline { get; set; } = 4;

    /// <summary>Broadcasts an account may have in progress at a time.</summary>
    public int MaxBroadcasts { get; set; } = 4;

    /// <summary>Idempotency keys remembered per account (the oldest are forgotten first).</summary>
    public int IdempotencyCapacity { get; set; } = 1_000;

    /// <summary>How long a send's idempotency key answers with the first send's receipt.</summary>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);
}
