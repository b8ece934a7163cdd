namespace OpenWxCluster.Contracts;

/// <summary>
/// The set of started accounts, sharded by key hash so no single grain is hot. Silos use it to wake accounts
/// after a silo death or a cluster restart; check_client without a client lists it.
/// </summary>
[Alias("openwx.IAccountRegistryGrain")]
public interface IAccountRegistryGrain : IGrainWithIntegerKey
{
    public const int ShardCount = 16;

    [Alias("Add")]
    Task AddAsync(string accountKey);

    [Alias("Remove")]
    Task RemoveAsync(string accountKey);

    [Alias("List"), ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<string>> ListAsync();

    static int ShardOf(string accountKey)
    {
        // Stable across processes (string.GetHashCode is randomised per process).
        var hash = 2166136261u;
        foreach (var ch in accountKey)
        {
            hash = (hash ^ ch) * 16777619u;
        }
        return (int)(hash % ShardCount);
    }
}
