namespace OpenWxCluster.Contracts;

/// <summary>
/// post_api delivery of one account (same key as the account). Fed by the account's saved outbox with idempotent
/// calls; keeps a bounded persisted backlog and POSTs it in order, at least once, retrying transport errors,
/// timeouts and 5xx with back-off until an event is older than the configured age.
/// </summary>
[Alias("openwx.IWebhookGrain")]
public interface IWebhookGrain : IGrainWithStringKey
{
    /// <summary>
    /// Checks a destination (post_api or poll_api) against the cluster's policy (scheme, link-local and cloud
    /// metadata addresses, the allow-list) without changing anything. Null when it may be used, else the reason.
    /// </summary>
    [Alias("Check"), ReadOnly, AlwaysInterleave]
    Task<string?> CheckAsync(string url);

    /// <summary>
    /// Sets the account's webhook (null: the cluster default, if any). Returns whether events should be fed to
    /// this grain. A backlog left from before goes to the new destination; with no destination it is discarded.
    /// </summary>
    [Alias("Configure")]
    Task<bool> ConfigureAsync(WebhookSettings? settings);

    /// <summary>
    /// Takes the account's events in sequence order; a sequence number at or below the highest accepted is
    /// ignored (a replay). Events the settings do not post are skipped. Returns once the backlog is saved.
    /// </summary>
    [Alias("Accept")]
    Task AcceptAsync(IReadOnlyList<AccountEvent> events);

    /// <summary>Backlog, counters and the most recent delivery attempts (newest first).</summary>
    [Alias("GetInfo"), ReadOnly, AlwaysInterleave]
    Task<WebhookInfo> GetInfoAsync();

    /// <summary>Makes sure a backlog is being delivered (after a silo loss); the grain's reminder also does.</summary>
    [Alias("EnsureDelivering"), AlwaysInterleave]
    Task EnsureDeliveringAsync();
}
