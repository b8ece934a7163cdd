namespace OpenWxCluster.WebFront;

/// <summary>
/// A token bucket per credential, or per remote address for requests without a valid one
/// (<c>App:Api:RateLimit</c>). On by default but generous: a Mojo bot's sends are paced per account by the send
/// lane anyway, so this only stops a runaway or hostile client from flooding the grains. check_event is not
/// counted: a long-poll paces itself, and a burst of sends must not starve event delivery.
/// </summary>
public sealed class ApiRateLimitOptions
{
    /// <summary>Requests added to each bucket every <see cref="Period"/>; 0 turns the limit off.</summary>
    public int Permits { get; set; } = 200;

    /// <summary>How often <see cref="Permits"/> are added.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Bucket size: the burst taken at once.</summary>
    public int Burst { get; set; } = 1_000;
}
