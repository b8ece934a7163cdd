using System.Collections.Concurrent;
using OpenWxCluster.Grains;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>Hands out pending events, else waits (really) up to the requested time for one to be added.</summary>
public sealed class FakeEventInboxGrain : IEventInboxGrain
{
    private readonly object _gate = new();
    private readonly List<AccountEvent> _pending = [];
    private readonly TaskCompletionSource _pollWaiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

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

    private async Task WaitForPendingAsync(TimeSpan maxWait)
    {
        Waits.Enqueue(maxWait);
        Task added;
        lock (_gate)
        {
            if (_pending.Count > 0)
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
            return Task.FromResult(new InboxInfo(_pending.Count, _pending.Count == 0 ? 0 : _pending[^1].Seq, 0, 0));
        }
    }
}
