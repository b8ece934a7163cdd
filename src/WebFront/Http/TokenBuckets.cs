using System.Threading.RateLimiting;

namespace OpenWxCluster.WebFront;

/// <summary>
/// One token bucket per partition key, never queueing. Idle full buckets are dropped by the partitioned limiter, so
/// the partitions stay bounded by recent callers. Shared by the API's request rate and the console's login guard.
/// </summary>
internal sealed class TokenBuckets(int size, int tokensPerPeriod, TimeSpan period) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = size,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Takes one token of <paramref name="partition"/>'s bucket at once; false when it is empty.</summary>
    public bool TryTake(string partition)
    {
        using var lease = _limiter.AttemptAcquire(partition);
        return lease.IsAcquired;
    }

    /// <summary>True while <paramref name="partition"/>'s bucket holds less than one whole token (asks without taking).</summary>
    /// <remarks>
    /// Not <c>AttemptAcquire(partition, 0)</c>: the partitioned limiter refills its buckets every 100 ms by a fraction
    /// of a token, and a zero-permit acquire succeeds on any fraction, so an emptied bucket read as not empty a tick
    /// later. The statistics count whole tokens, as <see cref="TryTake"/> needs them.
    /// </remarks>
    public bool IsEmpty(string partition) => (_limiter.GetStatistics(partition)?.CurrentAvailablePermits ?? 1) < 1;

    public void Dispose() => _limiter.Dispose();
}
