
namespace OpenWxCluster.WebFront;

/// <summary>Reads every registry shard and the status of each account of one platform in it (check_client without client).</summary>
internal static class RegistryReader
{
    /// <summary>Status calls in flight at once: enough to be quick, few enough not to flood a silo with thousands.</summary>
    private const int StatusBatch = 64;

    public static async Task<IReadOnlyList<AccountStatus>> ListStartedAsync(IGrainFactory grains, string platform = AccountKey.WeChat)
    {
        var keys = (await ListKeysAsync(grains)).Where(k => AccountKey.PlatformOf(k) == platform).ToList();
        var statuses = await ReadBatchedAsync(keys, k => grains.GetAccount(k).GetStatusAsync());
        // The registry can briefly list an account that is being stopped; only started ones are clients.
        return [.. statuses.Where(s => s.IsStarted)];
    }

    /// <summary>Every registered account key of every platform, sorted (the admin console lists them all).</summary>
    public static async Task<IReadOnlyList<string>> ListKeysAsync(IGrainFactory grains)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, IAccountRegistryGrain.ShardCount)
            .Select(shard => grains.GetGrain<IAccountRegistryGrain>(shard).ListAsync()));
        return [.. shards.SelectMany(k => k).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Runs <paramref name="read"/> for each key, <see cref="StatusBatch"/> at a time, in key order.</summary>
    public static async Task<IReadOnlyList<T>> ReadBatchedAsync<T>(IReadOnlyList<string> keys, Func<string, Task<T>> read)
    {
        var result = new List<T>(keys.Count);
        foreach (var batch in keys.Chunk(StatusBatch))
        {
            result.AddRange(await Task.WhenAll(batch.Select(read)));
        }
        return result;
    }
}
