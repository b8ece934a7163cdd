namespace OpenWxCluster.Grains.Common;

/// <summary>
/// Serialises WriteStateAsync calls of an interleaving grain: two overlapping writes would race on the ETag and
/// fail with InconsistentStateException. Each write runs after the previous one and stores the latest state.
/// </summary>
public sealed class SerialStateWriter(Func<Task> write)
{
    private readonly TaskChain _chain = new();

    public Task WriteAsync() => _chain.RunAsync(write);
}
