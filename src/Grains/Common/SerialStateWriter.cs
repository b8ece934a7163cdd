namespace OpenWxCluster.Grains.Common;

/// <summary>
/// Serialises WriteStateAsync calls of an interleaving grain: two overlapping writes would race on the ETag and
/// fail with InconsistentStateException. Each write runs after the previous one and stores the state as it is when
/// it starts, so requests made while one write is waiting its turn share that write (group commit): under load an
/// account's, a webhook's or an outbox's changes go out in one write instead of one each.
/// </summary>
public sealed class SerialStateWriter(Func<Task> write)
{
    private Task _last = Task.CompletedTask;
    private Queued? _queued;

    /// <summary>Completes once a write that started after this call has stored the state (or faults with it).</summary>
    public Task WriteAsync()
    {
        if (_queued is { Started: false } waiting)
        {
            return waiting.Task;
        }
        var queued = new Queued();
        _queued = queued;
        queued.Task = RunAfterAsync(_last, queued);
        _last = queued.Task;
        return queued.Task;
    }

    private async Task RunAfterAsync(Task previous, Queued queued)
    {
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // Observed by the callers of the previous write; this one still has to run.
        }
        queued.Started = true;
        await write();
    }

    private sealed class Queued
    {
        public bool Started { get; set; }

        public Task Task { get; set; } = Task.CompletedTask;
    }
}
