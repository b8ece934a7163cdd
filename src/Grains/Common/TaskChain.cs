namespace OpenWxCluster.Grains.Common;

/// <summary>
/// Runs async operations of an interleaving grain one after another, in call order: each starts when the previous
/// one has ended (failed or not; its caller observes the failure).
/// </summary>
public sealed class TaskChain
{
    private Task _tail = Task.CompletedTask;

    public Task RunAsync(Func<Task> operation)
    {
        _tail = RunAfterAsync(_tail, operation);
        return _tail;
    }

    private static async Task RunAfterAsync(Task previous, Func<Task> operation)
    {
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // Observed by the caller of the previous operation; this one still has to run.
        }
        await operation();
    }
}
