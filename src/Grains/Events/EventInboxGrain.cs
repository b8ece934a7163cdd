using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using OpenWxCluster.Grains.Common;
using OpenWxCluster.Grains.Logging;
using OpenWxCluster.Grains.Options;

namespace OpenWxCluster.Grains.Events;

/// <summary>
/// check_event buffer of one account, fed by the account's outbox (idempotent: sequence numbers it has are
/// dropped), bounded, persisted. Two views of the same events: Mojo's pending list, and the cursor log of accounts
/// that polled with a cursor (<see cref="CursorLog"/>). Waiting pollers park on a completion source; nothing blocks
/// the scheduler. Accepts and cursor polls change the state one at a time, each followed by its writes: cursor polls
/// interleave, and the log's segment writes must stay in order with the index write.
/// </summary>
public sealed class EventInboxGrain(
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

    private readonly SerialStateWriter _writer = new(state.WriteStateAsync);
    private readonly TaskChain _changes = new();
    private CursorLog? _log;
    private EncodedEvents _pending = null!;
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

    public async Task AcknowledgeAsync(long upToSeq)
    {
        ThrowIfFailed();
        if (_pending.RemoveUpTo(upToSeq) > 0)
        {
            await _writer.WriteAsync();
        }
    }

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
        var pending = _pending;
        var fresh = new List<AccountEvent>();
        foreach (var e in events)
        {
            if (e.Seq <= state.State.LastSeq)
            {
                continue; // a replay after a failover or a retried delivery
            }
            state.State.LastSeq = e.Seq;
            fresh.Add(e);
            Count(e);
            if (CheckEventFilter.Accepts(e))
            {
                pending.Add(e);
            }
        }
        if (fresh.Count == 0)
        {
            return;
        }
        var overflow = pending.Count - Math.Max(1, options.Value.Capacity);
        if (overflow > 0)
        {
            pending.RemoveOldest(overflow);
            state.State.Dropped += overflow;
        }
        // Every event goes to the cursor log, not only what Mojo's filter queues: the cursor mode is ours.
        await SaveAsync(_log is { } log ? () => log.AppendAsync(fresh, options.Value.CursorCapacity, DateTimeOffset.UtcNow) : null);
        var waiter = _arrived;
        _arrived = null;
        waiter?.TrySetResult();
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

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var s = state.State;
        _pending = new EncodedEvents(serializer, s.PendingEncoded);
        if (s.Pending.Count > 0)
        {
            // A state saved before the encoded list: its events move over with the next write.
            s.Pending.ForEach(_pending.Add);
            s.Pending.Clear();
        }
        if (state.State.Cursor is { } cursor)
        {
            _log = NewLog(cursor);
        }
        return Task.CompletedTask;
    }

    private CursorLog NewLog(CursorLogState cursor)
    {
        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(OrleansNames.Storage);
        return new CursorLog(cursor, new GrainCursorSegmentStore(storage, this.GetGrainId()), options.Value.CursorSegmentSize);
    }

    /// <summary>
    /// Finishes a change to the log (<paramref name="logChange"/>, which may read segments), then writes the
    /// segments, the state that indexes them, and clears the slots it no longer refers to. If the change or a write
    /// fails, what is in memory is ahead of storage: this activation stops, and the account's retry brings the
    /// events again to the next one.
    /// </summary>
    private async Task SaveAsync(Func<Task>? logChange = null)
    {
        try
        {
            if (logChange is not null)
            {
                await logChange();
            }
            if (_log is { } log)
            {
                await log.WriteSegmentsAsync();
            }
            await _writer.WriteAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.InboxWriteFailed(e, Key);
            _failed = true;
            DeactivateOnIdle();
            // Waiting polls end now, so the activation becomes idle and goes.
            var waiter = _arrived;
            _arrived = null;
            waiter?.TrySetResult();
            throw;
        }
        if (_log is { } written)
        {
            try
            {
                await written.ClearFreedAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A stale slot is harmless (no saved index refers to it); it is cleared at the next write.
                logger.CursorSlotClearFailed(Key, e.GetType().Name);
            }
        }
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
