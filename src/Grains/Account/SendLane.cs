using OpenWxCluster.Grains.Diagnostics;

namespace OpenWxCluster.Grains.Account;

/// <summary>
/// An account's sends, one at a time in call order, each starting at least the previous send's gap after it ended
/// (send pacing), with at most <c>capacity</c> waiting. Runs on the grain scheduler: the pause is a grain-context
/// <see cref="Task.Delay(TimeSpan)"/>, so other calls are served meanwhile.
/// </summary>
/// <param name="metrics">Told each send's time from its call to its end, and each refusal of a full lane.</param>
internal sealed class SendLane(int capacity, OpenWxMetrics metrics, string accountKey)
{
    private Task _tail = Task.CompletedTask;
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;

    /// <summary>Sends queued or running.</summary>
    public int Pending { get; private set; }

    /// <summary>Queues a send; null when the lane is full. <paramref name="gap"/> is the pause this send imposes on the next.</summary>
    public Task<T>? TryRun<T>(Func<Task<T>> send, TimeSpan gap)
    {
        if (Pending >= capacity)
        {
            metrics.SendRefused(accountKey);
            return null;
        }
        Pending++;
        var run = RunAfterAsync(_tail, send, gap, TimeProvider.System.GetTimestamp());
        _tail = run;
        return run;
    }

    private async Task<T> RunAfterAsync<T>(Task previous, Func<Task<T>> send, TimeSpan gap, long called)
    {
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // The previous send's caller observes its failure; this one still runs.
        }
        try
        {
            // Whole milliseconds rounded up, and checked again: Task.Delay truncates to milliseconds and a timer may
            // fire a little early, and the gap is a promise to the upstream (a send sooner than the gap after the
            // previous one ended was measured once the sends themselves became fast).
            while (_nextStart - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)));
            }
            return await send();
        }
        finally
        {
            _nextStart = DateTimeOffset.UtcNow + gap;
            Pending--;
            metrics.SendFinished(accountKey, TimeProvider.System.GetElapsedTime(called));
        }
    }
}
