using System.Collections.Concurrent;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>
/// Hands out pending events, else waits (really) up to the requested time for one to be added. Cursor polls see
/// every added event (a simple log: trimmed by the cursor, nothing dropped unless a test sets <see cref="Lost"/>).
/// </summary>
public sealed class FakeEventInboxGrain : IEventInboxGrain
{
    private readonly object _gate = new();
    private readonly List<AccountEvent> _pending = [];
    private readonly List<AccountEvent> _log = [];
    private long _lastSeq;
    private readonly TaskCompletionSource _pollWaiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    /// <summary>The cursor and batch size of every cursor poll, in call order.</summary>
    public ConcurrentQueue<(long Cursor, int MaxCount)> CursorPolls { get; } = new();

    /// <summary>Reported by cursor polls whose cursor is before its last sequence.</summary>
    public EventGap? Lost { get; set; }

    /// <summary>
    /// Completes once a poll found nothing and is waiting: an event added after it is one that "arrives during the
    /// hold", which tests can await instead of sleeping and hoping the request got there.
    /// </summary>
    public Task PollWaiting => _pollWaiting.Task;

    public void Add(AccountEvent accountEvent)
    {
        TaskCompletionSource added;
        lock (_gate)
        {
            _pending.Add(accountEvent);
            _log.Add(accountEvent);
            _lastSeq = Math.Max(_lastSeq, accountEvent.Seq);
            added = _added;
            _added = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        added.TrySetResult();
    }

    public async Task<IReadOnlyList<AccountEvent>> PeekAsync(TimeSpan maxWait)
    {
        await WaitForPendingAsync(maxWait);
        lock (_gate)
        {
            return _pending.ToList();
        }
    }

    public async Task<CursorBatch> PollCursorAsync(long cursor, int maxCount, TimeSpan maxWait)
    {
        CursorPolls.Enqueue((cursor, maxCount));
        lock (_gate)
        {
            if (cursor > _lastSeq)
            {
                return new CursorBatch { CursorAhead = true, LastSeq = _lastSeq };
            }
            _log.RemoveAll(e => e.Seq <= cursor);
        }
        await WaitAsync(() => _log.Count > 0, maxWait);
        lock (_gate)
        {
            var lost = Lost is { } gap && gap.LastSeq > cursor ? gap : null;
            return new CursorBatch { Events = [.. _log.Take(maxCount)], Lost = lost, LastSeq = _lastSeq };
        }
    }

    private Task WaitForPendingAsync(TimeSpan maxWait) => WaitAsync(() => _pending.Count > 0, maxWait);

    /// <summary>Waits unless <paramref name="ready"/> (read under the lock) already holds.</summary>
    private async Task WaitAsync(Func<bool> ready, TimeSpan maxWait)
    {
        Waits.Enqueue(maxWait);
        Task added;
        lock (_gate)
        {
            if (ready())
            {
                return;
            }
            added = _added.Task;
        }
        // After taking `added` under the lock, so an Add that follows this signal is sure to wake this poll.
        _pollWaiting.TrySetResult();
        await Task.WhenAny(added, Task.Delay(maxWait));
    }

    public Task AcknowledgeAsync(long upToSeq)
    {
        lock (_gate)
        {
            _pending.RemoveAll(e => e.Seq <= upToSeq);
        }
        return Task.CompletedTask;
    }

    public Task AcceptAsync(IReadOnlyList<AccountEvent> events)
    {
        foreach (var e in events)
        {
            Add(e);
        }
        return Task.CompletedTask;
    }

    public Task<InboxInfo> GetInfoAsync()
    {
        lock (_gate)
        {
            return Task.FromResult(new InboxInfo(_pending.Count, _lastSeq, 0, 0, _log.Count, 0, null));
        }
    }

    /// <summary>The events added, newest first (the real grain keeps a bounded ring).</summary>
    public Task<IReadOnlyList<AccountEvent>> GetRecentAsync(int max)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<AccountEvent>>([.. _log.AsEnumerable().Reverse().Take(max)]);
        }
    }
}
