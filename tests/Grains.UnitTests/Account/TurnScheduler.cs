namespace OpenWxCluster.Grains.UnitTests.Account;

/// <summary>
/// A one-at-a-time task scheduler the test drives by hand, as a grain's scheduler runs one turn at a time: queued
/// continuations run only inside <see cref="RunUntilIdle"/>, so "nothing else started" is a fact once it returns.
/// </summary>
internal sealed class TurnScheduler : TaskScheduler
{
    private readonly Queue<Task> _queued = new();

    /// <summary>Starts <paramref name="body"/> on this scheduler and runs every turn that follows until none is left.</summary>
    public T Run<T>(Func<T> body)
    {
        var started = Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.None, this);
        RunUntilIdle();
        return started.Result;
    }

    public void RunUntilIdle()
    {
        // Without the test runner's synchronization context, awaits come back to this scheduler (as in a grain).
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            while (TryDequeue(out var task))
            {
                TryExecuteTask(task);
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    /// <summary>Runs turns as they come (timers queue them from other threads) until <paramref name="done"/> holds.</summary>
    public void RunUntil(Func<bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            RunUntilIdle();
            if (done())
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the awaited turn never came");
            }
            Thread.Sleep(1);
        }
    }

    protected override void QueueTask(Task task)
    {
        lock (_queued)
        {
            _queued.Enqueue(task);
        }
    }

    // Never inline: a turn runs only when the test runs the queue.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_queued)
        {
            return [.. _queued];
        }
    }

    private bool TryDequeue(out Task task)
    {
        lock (_queued)
        {
            return _queued.TryDequeue(out task!);
        }
    }
}
