namespace OpenWxCluster.Grains;

/// <summary>
/// The check_event buffer of one account (same key), fed by the account's saved outbox. Bounded: when full the
/// oldest event is dropped, as Mojo does. Kept in grain storage so a silo loss does not lose buffered events.
/// </summary>
[Alias("openwx.IEventInboxGrain")]
public interface IEventInboxGrain : IGrainWithStringKey
{
    /// <summary>
    /// All pending events, without taking them; if none are pending, waits up to <paramref name="maxWait"/> (kept
    /// well below the call timeout) for the next one. An empty list means nothing arrived. The events stay until
    /// <see cref="AcknowledgeAsync"/>, so a poller that goes away before it has handed them on loses nothing
    /// (check_event acknowledges once its answer is written).
    /// </summary>
    [Alias("Peek"), AlwaysInterleave]
    Task<IReadOnlyList<AccountEvent>> PeekAsync(TimeSpan maxWait);

    /// <summary>Removes the pending events up to and including sequence <paramref name="upToSeq"/>.</summary>
    [Alias("Acknowledge")]
    Task AcknowledgeAsync(long upToSeq);

    /// <summary>
    /// Takes the account's events in sequence order. Idempotent: a sequence number at or below the highest one
    /// accepted is ignored, so the account may deliver the same events again after a failure. Returns once they
    /// are saved.
    /// </summary>
    [Alias("Accept")]
    Task AcceptAsync(IReadOnlyList<AccountEvent> events);

    /// <summary>Pending count, highest accepted sequence, dropped count, waiting polls; reading changes nothing.</summary>
    [Alias("GetInfo"), ReadOnly, AlwaysInterleave]
    Task<InboxInfo> GetInfoAsync();
}
