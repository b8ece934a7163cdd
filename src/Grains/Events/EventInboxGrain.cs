using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenWxCluster.Grains.Common;
using OpenWxCluster.Grains.Options;

namespace OpenWxCluster.Grains.Events;

/// <summary>
/// check_event buffer of one account, fed by the account's outbox (idempotent: sequence numbers it has are
/// dropped), bounded, persisted. Two views of the same events: Mojo's pending list, and the cursor log of accounts
/// that polled with a cursor (<see cref="CursorLog"/>). Waiting pollers park on a completion source; nothing blocks
/// the scheduler. Accepts, acknowledgements and cursor polls change the state one at a time, each followed by its
/// writes: cursor polls interleave, the log's segment writes must stay in order with the index write, and the redo
/// tail's with the state's.
/// </summary>
public sealed partial class EventInboxGrain(
    [PersistentState("inbox", OrleansNames.Storage)] IPersistentState<InboxState> state,
    IOptions<EventInboxOptions> options,
    Orleans.Serialization.Serializer<AccountEvent> serializer,
    ILogger<EventInboxGrain> logger)
    : Grain, IEventInboxGrain
{
    /// <summary>Upper bound of one cursor answer, whatever the caller asks.</summary>
    private const int MaxCursorBatch = 5_000;

    /// <summary>Size of the in-memory ring of recent events the admin console shows.</summary>
    public const int RecentCapacity = 50;

    private readonly TaskChain _changes = new();
    private CursorLog? _log;
    private EncodedEvents _pending = null!;
    private InboxRedoTail _tail = null!;
    private readonly Queue<AccountEvent> _recent = new(RecentCapacity);
    private TaskCompletionSource? _arrived;
    private int _waitingPolls;
    // Set when a change or a write failed: memory may be ahead of storage (a sequence counted as accepted, an event
    // missing from the log), so this activation answers nothing more until it is gone; the account's retry reaches
    // a fresh one that reads what was really saved.
    private bool _failed;

    private string Key => this.GetPrimaryKeyString();

    public async Task<IReadOnlyList<AccountEvent>> PeekAsync(TimeSpan maxWait)
    {
        ThrowIfFailed();
        await WaitAsync(() => _pending.Count > 0, maxWait);
        ThrowIfFailed();
        return [.. _pending.Events];
    }

    /// <summary>In turn with accepts: the full write it makes must not race the redo tail's writes.</summary>
    public Task AcknowledgeAsync(long upToSeq) => _changes.RunAsync(async () =>
    {
        ThrowIfFailed();
        if (_pending.RemoveUpTo(upToSeq) > 0)
        {
            await SaveAsync();
        }
    });

    public async Task<CursorBatch> PollCursorAsync(long cursor, int maxCount, TimeSpan maxWait)
    {
        ThrowIfFailed();
        if (cursor < 0 || cursor > state.State.LastSeq)
        {
            return new CursorBatch { CursorAhead = true, LastSeq = state.State.LastSeq };
        }
        var count = Math.Clamp(maxCount, 1, MaxCursorBatch);
        var batch = await ChangeAsync(() => AcknowledgeAndReadAsync(cursor, count));
        if (batch.IsEmpty && maxWait > TimeSpan.Zero)
        {
            await WaitAsync(() => _log?.HasNewsAfter(cursor) == true, maxWait);
            batch = await ChangeAsync(() => AcknowledgeAndReadAsync(cursor, count));
        }
        return batch with { LastSeq = state.State.LastSeq };
    }

    public Task<InboxInfo> GetInfoAsync()
    {
        var s = state.State;
        return Task.FromResult(new InboxInfo(
            _pending.Count, s.LastSeq, s.Dropped, _waitingPolls, _log?.Retained ?? 0, s.Cursor?.Dropped ?? 0, s.Cursor?.Start,
            s.LastEventTime, s.MessagesIn, s.MessagesOut));
    }

    public Task<IReadOnlyList<AccountEvent>> GetRecentAsync(int max) =>
        Task.FromResult<IReadOnlyList<AccountEvent>>([.. _recent.Reverse().Take(Math.Clamp(max, 0, RecentCapacity))]);

    public Task AcceptAsync(IReadOnlyList<AccountEvent> events) => _changes.RunAsync(() => AcceptNowAsync(events));

    private async Task AcceptNowAsync(IReadOnlyList<AccountEvent> events)
    {
        ThrowIfFailed();
        var fresh = new List<AccountEvent>();
        var encoded = new List<byte[]>();
        foreach (var e in events)
        {
            if (e.Seq <= state.State.LastSeq)
            {
                continue; // a replay after a failover or a retried delivery
            }
            var bytes = serializer.SerializeToArray(e);
            Apply(e, bytes);
            fresh.Add(e);
            encoded.Add(bytes);
        }
        if (fresh.Count == 0)
        {
            return;
        }
        TrimPending();
        // Every event goes to the cursor log, not only what Mojo's filter queues: the cursor mode is ours.
        Func<Task>? append = _log is { } log ? () => log.AppendAsync(fresh, options.Value.CursorCapacity, DateTimeOffset.UtcNow) : null;
        if (state.State.MayHaveTail && _tail.Fits(encoded))
        {
            await SaveTailAsync(append, encoded);
        }
        else
        {
            await SaveAsync(append);
        }
        var waiter = _arrived;
        _arrived = null;
        waiter?.TrySetResult();
    }

    /// <summary>What accepting an event changes in memory (on a call, or replayed from the redo tail).</summary>
    private void Apply(AccountEvent e, byte[] encoded)
    {
        state.State.LastSeq = e.Seq;
        Count(e);
        if (CheckEventFilter.Accepts(e))
        {
            _pending.Add(e, encoded);
        }
    }

    private void TrimPending()
    {
        var overflow = _pending.Count - Math.Max(1, options.Value.Capacity);
        if (overflow > 0)
        {
            _pending.RemoveOldest(overflow);
            state.State.Dropped += overflow;
        }
    }

    /// <summary>The admin console's view: the newest events (bounded ring), the last event time and the message counts.</summary>
    private void Count(AccountEvent e)
    {
        state.State.LastEventTime = e.Time;
        if (e.PostType == AccountEvent.ReceiveMessage)
        {
            state.State.MessagesIn++;
        }
        else if (e.PostType == AccountEvent.SendMessage)
        {
            state.State.MessagesOut++;
        }
        if (_recent.Count == RecentCapacity)
        {
            _recent.Dequeue();
        }
        _recent.Enqueue(e);
    }

    private async Task<CursorBatch> AcknowledgeAndReadAsync(long cursor, int count)
    {
        ThrowIfFailed();
        var log = _log;
        if (log is null)
        {
            // The first cursor poll: the log starts now, after the highest sequence accepted so far.
            var start = state.State.LastSeq;
            state.State.Cursor = new CursorLogState { Start = start, Floor = start };
            log = _log = NewLog(state.State.Cursor);
            await SaveAsync();
        }
        else if (log.Acknowledges(cursor))
        {
            await SaveAsync(() => log.AcknowledgeAsync(cursor));
        }
        return await log.ReadAsync(cursor, count);
    }

    private void ThrowIfFailed()
    {
        if (_failed)
        {
            throw new InvalidOperationException("the inbox activation stopped after a failed write; call again");
        }
    }

    /// <summary>Runs a state change after the previous ones (and their writes) have ended.</summary>
    private async Task<T> ChangeAsync<T>(Func<Task<T>> change)
    {
        T result = default!;
        await _changes.RunAsync(async () => result = await change());
        return result;
    }

    private async Task WaitAsync(Func<bool> ready, TimeSpan maxWait)
    {
        if (!ready() && maxWait > TimeSpan.Zero)
        {
            _arrived ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waitingPolls++;
            try
            {
                await Task.WhenAny(_arrived.Task, Task.Delay(maxWait));
            }
            finally
            {
                _waitingPolls--;
            }
        }
    }
}
