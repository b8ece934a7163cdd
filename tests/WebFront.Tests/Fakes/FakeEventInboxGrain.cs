using System.Collections.Concurrent;
using OpenWxCluster.Grains;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>Hands out pending events, else waits (really) up to the requested time for one to be added.</summary>
public sealed class FakeEventInboxGrain : IEventInboxGrain
{
    private readonly object _gate = new();
    private readonly List<AccountEvent> _pending = [];
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

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

    public async Task<IReadOnlyList<AccountEvent>> PollAsync(TimeSpan maxWait)
    {
        Waits.Enqueue(maxWait);
        Task added;
        lock (_gate)
        {
            if (_pending.Count > 0)
            {
                return Drain();
            }
            added = _added.Task;
        }
        await Task.WhenAny(added, Task.Delay(maxWait));
        lock (_gate)
        {
            return Drain();
        }
    }

    public Task<int> CountAsync()
    {
        lock (_gate)
        {
            return Task.FromResult(_pending.Count);
        }
    }

    public Task<InboxInfo> GetInfoAsync()
    {
        lock (_gate)
        {
            return Task.FromResult(new InboxInfo(_pending.Count, _pending.Count == 0 ? 0 : _pending[^1].Seq, 0, 0));
        }
    }

    private List<AccountEvent> Drain()
    {
        var events = _pending.ToList();
        _pending.Clear();
        return events;
    }
}
