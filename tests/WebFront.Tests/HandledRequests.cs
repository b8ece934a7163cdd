namespace OpenWxCluster.WebFront.Tests;

/// <summary>
/// Counts requests the server has finished handling (the pipeline returned), so a test can wait for "the server is
/// done with it" rather than sleep, e.g. after the client aborted a long poll.
/// </summary>
public sealed class HandledRequests
{
    private readonly object _gate = new();
    private int _count;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Add()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _count++;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    /// <summary>Waits until at least <paramref name="count"/> requests were handled, else throws after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_count >= count)
                {
                    return;
                }
                changed = _changed.Task;
            }
            var left = deadline - DateTime.UtcNow;
            try
            {
                await changed.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"{count} handled request(s) expected within {timeout.TotalSeconds} s, {Count} seen");
            }
        }
    }
}
