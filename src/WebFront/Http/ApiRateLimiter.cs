using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OpenWxCluster.WebFront;

/// <summary>
/// One token bucket per partition (a credential, or a remote address), from <see cref="ApiRateLimitOptions"/>.
/// Idle full buckets are dropped by the partitioned limiter, so the partitions stay bounded by recent callers.
/// </summary>
internal sealed class ApiRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public ApiRateLimiter(IOptions<OpenWxApiOptions> options)
    {
        var limit = options.Value.RateLimit;
        Rate = $"{limit.Permits} per {limit.Period}";
        RetryAfterSeconds = (int)Math.Ceiling(Math.Max(1, limit.Period.TotalSeconds));
        if (limit.Permits > 0)
        {
            var bucket = new TokenBucketRateLimiterOptions
            {
                TokenLimit = limit.Burst,
                TokensPerPeriod = limit.Permits,
                ReplenishmentPeriod = limit.Period,
                QueueLimit = 0,
                AutoReplenishment = true,
            };
            _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => bucket));
        }
    }

    /// <summary>The rate as told to a refused client.</summary>
    public string Rate { get; }

    public int RetryAfterSeconds { get; }

    /// <summary>Takes one permit of <paramref name="partition"/>'s bucket at once (never queues).</summary>
    public bool TryAcquire(string partition)
    {
        if (_limiter is null)
        {
            return true;
        }
        using var lease = _limiter.AttemptAcquire(partition);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter?.Dispose();
}
