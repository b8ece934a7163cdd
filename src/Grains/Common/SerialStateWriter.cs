namespace OpenWxCluster.Grains.Common;

/// <summary>
/// Serialises WriteStateAsync calls of an interleaving grain: two overlapping writes would race on the ETag and
/// fail with InconsistentStateException. Each write runs after the previous one and stores the latest state.
/// </summary>
public sealed class SerialStateWriter(Func<Task> write)
{
    private Task _tail = Task.CompletedTask;

    public Task WriteAsync()
    {
        _tail = WriteAfterAsync(_tail);
        return _tail;
    }

    private async Task WriteAfterAsync(Task previous)
    {
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // The caller of the previous write observed its failure; this write still has to happen.
        }
        await write();
    }
}
