namespace OpenWxCluster.Contracts;

/// <summary>
/// The check_event buffer of one account (same key), fed by the account's saved outbox. Bounded: when full the
/// oldest event is dropped, as Mojo does. Kept in grain storage so a silo loss does not lose buffered events.
/// Two independent ways to read: Mojo's pending list (<see cref="PeekAsync"/> + <see cref="AcknowledgeAsync"/>) and
/// the cursor log (<see cref="PollCursorAsync"/>); reading one never removes anything from the other.
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
    /// Cursor mode (ours, not Mojo's). Acknowledges, that is removes from the cursor log, every event up to and
    /// including sequence <paramref name="cursor"/>, then returns the retained events after it, in order, at most
    /// <paramref name="maxCount"/>; if there are none, waits up to <paramref name="maxWait"/> (kept well below the call
    /// timeout) for the next one. Answering removes nothing: a poller that goes away re-polls with its old cursor.
    /// <para>
    /// The log takes every event, also those Mojo's list never queues (login, state_change, stop, input_qrcode...).
    /// It exists only for accounts that use this mode: the first cursor poll starts it, so events accepted before
    /// that poll are not in it. It is bounded; when full the oldest events are dropped, and a poll whose cursor is
    /// before dropped events gets them as <see cref="CursorBatch.Lost"/>. A cursor past the highest accepted
    /// sequence is refused (<see cref="CursorBatch.CursorAhead"/>). Concurrent pollers are safe; with different
    /// cursors the highest one acknowledged, and a lagging poller gets what is still retained after its cursor.
    /// </para>
    /// </summary>
    [Alias("PollCursor"), AlwaysInterleave]
    Task<CursorBatch> PollCursorAsync(long cursor, int maxCount, TimeSpan maxWait);

    /// <summary>
    /// Takes the account's events in sequence order. Idempotent: a sequence number at or below the highest one
    /// accepted is ignored, so the account may deliver the same events again after a failure. Returns once they
    /// are saved.
    /// </summary>
    [Alias("Accept")]
    Task AcceptAsync(IReadOnlyList<AccountEvent> events);

    /// <summary>Pending count, highest accepted sequence, dropped counts, waiting polls, cursor log size; reading changes nothing.</summary>
    [Alias("GetInfo"), ReadOnly, AlwaysInterleave]
    Task<InboxInfo> GetInfoAsync();

    /// <summary>
    /// The newest events this activation accepted (at most <paramref name="max"/>, newest first), for the admin
    /// console: a small ring kept in memory only, so it starts empty after a silo move. Reading changes nothing.
    /// </summary>
    [Alias("GetRecent"), ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<AccountEvent>> GetRecentAsync(int max);
}
