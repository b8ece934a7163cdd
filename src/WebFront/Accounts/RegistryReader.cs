
namespace OpenWxCluster.WebFront;

/// <summary>Reads every registry shard and the status of each account of one platform in it (check_client without client).</summary>
internal static class RegistryReader
{
    /// <summary>Status calls in flight at once: enough to be quick, few enough not to flood a silo with thousands.</summary>
    private const int StatusBatch = 64;

    public static async Task<IReadOnlyList<AccountStatus>> ListStartedAsync(IGrainFactory grains, string platform = AccountKey.WeChat)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, IAccountRegistryGrain.ShardCount)
            .Select(shard => grains.GetGrain<IAccountRegistryGrain>(shard).ListAsync()));
        var keys = shards.SelectMany(k => k)
            .Where(k => AccountKey.PlatformOf(k) == platform)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        var result = new List<AccountStatus>(keys.Count);
        foreach (var batch in keys.Chunk(StatusBatch))
        {
            var statuses = await Task.WhenAll(batch.Select(k => grains.GetAccount(k).GetStatusAsync()));
            // The registry can briefly list an account that is being stopped; only started ones are clients.
            result.AddRange(statuses.Where(s => s.IsStarted));
        }
        return result;
    }
}
