using Microsoft.Extensions.Options;

namespace OpenWxCluster.WebFront;

/// <summary>One token bucket per partition (a credential, or a remote address), from <see cref="ApiRateLimitOptions"/>.</summary>
internal sealed class ApiRateLimiter : IDisposable
{
    private readonly TokenBuckets? _buckets;

    public ApiRateLimiter(IOptions<OpenWxApiOptions> options)
    {
        var limit = options.Value.RateLimit;
        Rate = $"{limit.Permits} per {limit.Period}";
        RetryAfterSeconds = (int)Math.Ceiling(Math.Max(1, limit.Period.TotalSeconds));
        if (limit.Permits > 0)
        {
            _buckets = new TokenBuckets(limit.Burst, limit.Permits, limit.Period);
        }
    }

    /// <summary>The rate as told to a refused client.</summary>
    public string Rate { get; }

    public int RetryAfterSeconds { get; }

    /// <summary>Takes one permit of <paramref name="partition"/>'s bucket at once (never queues).</summary>
    public bool TryAcquire(string partition) => _buckets?.TryTake(partition) ?? true;

    public void Dispose() => _buckets?.Dispose();
}
