using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Wrong console logins per remote address (<see cref="AdminLoginLimitOptions"/>): a token bucket each, one token
/// per failure, refilled one at a time. Idle full buckets are dropped by the partitioned limiter, so memory follows
/// the recent guessers only.
/// </summary>
internal sealed class AdminLoginLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public AdminLoginLimiter(IOptions<OpenWxApiOptions> options)
    {
        var limit = options.Value.AdminLogin;
        if (limit.Failures <= 0)
        {
            return;
        }
        var refill = limit.Window / limit.Failures;
        RetryAfterSeconds = (int)Math.Ceiling(Math.Max(1, refill.TotalSeconds));
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.Failures,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = refill,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => bucket));
    }

    /// <summary>Seconds until the next try is possible after a refusal.</summary>
    public int RetryAfterSeconds { get; } = 1;

    /// <summary>True while <paramref name="address"/> has used up its wrong logins (asks without taking).</summary>
    public bool IsLockedOut(string address)
    {
        if (_limiter is null)
        {
            return false;
        }
        using var probe = _limiter.AttemptAcquire(address, 0);
        return !probe.IsAcquired;
    }

    /// <summary>Counts one wrong login of <paramref name="address"/>.</summary>
    public void Failed(string address)
    {
        if (_limiter is not null)
        {
            using var _ = _limiter.AttemptAcquire(address);
        }
    }

    public void Dispose() => _limiter?.Dispose();
}
