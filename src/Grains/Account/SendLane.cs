using OpenWxCluster.Grains.Diagnostics;
using OpenWxCluster.Grains.Options;

namespace OpenWxCluster.Grains.Account;

/// <summary>
/// An account's sends, with at most <c>capacity</c> queued or running. One conversation's sends go one at a time in
/// call order, so its messages reach the upstream in the order they were asked for; sends to different conversations
/// overlap, up to <c>pipeline</c> at once (one upstream round trip per send used to cap an account at about one
/// send per round trip). A paced send (a gap above zero: send_interval, a broadcast) runs alone: it waits for every
/// send queued before it, the sends after it wait for it, and none starts before its gap has passed after it ended.
/// Runs on the grain scheduler: every wait is a grain-context await, so other calls are served meanwhile.
/// </summary>
public sealed class SendLane(int capacity, int pipeline, Action<TimeSpan> finished, Action refused)
{
    private readonly Dictionary<string, Turn> _conversations = new(StringComparer.Ordinal);
    private readonly Queue<TaskCompletionSource> _slotWaiters = new();
    private int _freeSlots = Math.Max(1, pipeline);
    private Task _barrier = Task.CompletedTask;
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;

    /// <summary>The lane of an account, reporting to the cluster's send metrics.</summary>
    public static SendLane For(SendOptions options, OpenWxMetrics metrics, string accountKey) => new(
        options.QueueCapacity, options.Pipeline, d => metrics.SendFinished(accountKey, d), () => metrics.SendRefused(accountKey));

    /// <summary>Sends queued or running.</summary>
    public int Pending { get; private set; }

    /// <summary>
    /// Queues a send to <paramref name="conversation"/>; null when the lane is full. <paramref name="gap"/> is the
    /// pause this send imposes on the next; above zero it makes the send a paced one.
    /// </summary>
    public Task<T>? TryRun<T>(string conversation, Func<Task<T>> send, TimeSpan gap)
    {
        if (Pending >= capacity)
        {
            refused();
            return null;
        }
        Pending++;
        var called = TimeProvider.System.GetTimestamp();
        var turn = new Turn();
        if (gap > TimeSpan.Zero)
        {
            // Everything queued so far is either a conversation's last send (which waits for the ones before it)
            // or behind the previous barrier.
            var before = _conversations.Values.Select(t => t.Done).Append(_barrier).ToArray();
            _conversations.Clear();
            var run = RunAsync(Task.WhenAll(before), turn, conversation: null, send, gap, called, slot: false);
            _barrier = run;
            turn.Done = run;
            return run;
        }
        var previous = _conversations.TryGetValue(conversation, out var last) ? last.Done : Task.CompletedTask;
        _conversations[conversation] = turn;
        var pipelined = RunAsync(Task.WhenAll(previous, _barrier), turn, conversation, send, gap, called, slot: true);
        turn.Done = pipelined;
        return pipelined;
    }

    private async Task<T> RunAsync<T>(
        Task before, Turn turn, string? conversation, Func<Task<T>> send, TimeSpan gap, long called, bool slot)
    {
        var holding = false;
        try
        {
            try
            {
                await before;
            }
            catch (Exception)
            {
                // An earlier send's caller observes its failure; this one still runs.
            }
            // Whole milliseconds rounded up, and checked again: Task.Delay truncates to milliseconds and a timer may
            // fire a little early, and the gap is a promise to the upstream (a send sooner than the gap after the
            // previous one ended was measured once the sends themselves became fast).
            while (_nextStart - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)));
            }
            if (slot)
            {
                await TakeSlotAsync();
                holding = true;
            }
            return await send();
        }
        finally
        {
            if (holding)
            {
                ReleaseSlot();
            }
            var end = DateTimeOffset.UtcNow + gap;
            _nextStart = end > _nextStart ? end : _nextStart;
            if (conversation is not null && _conversations.TryGetValue(conversation, out var last) && ReferenceEquals(last, turn))
            {
                // The conversation's last send is over: nothing to wait for, and the map stays as small as the queue.
                _conversations.Remove(conversation);
            }
            Pending--;
            finished(TimeProvider.System.GetElapsedTime(called));
        }
    }

    private Task TakeSlotAsync()
    {
        if (_freeSlots > 0)
        {
            _freeSlots--;
            return Task.CompletedTask;
        }
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _slotWaiters.Enqueue(waiter);
        return waiter.Task;
    }

    private void ReleaseSlot()
    {
        if (_slotWaiters.TryDequeue(out var next))
        {
            next.SetResult();
        }
        else
        {
            _freeSlots++;
        }
    }

    /// <summary>One queued send; a holder, so a send that ends before it is stored still finds itself.</summary>
    private sealed class Turn
    {
        public Task Done { get; set; } = Task.CompletedTask;
    }
}
