using Microsoft.Extensions.Options;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Wrong console logins per remote address (<see cref="AdminLoginLimitOptions"/>): a bucket each, one token per
/// failure, refilled one at a time over the window.
/// </summary>
internal sealed class AdminLoginLimiter : IDisposable
{
    private readonly TokenBuckets? _buckets;

    public AdminLoginLimiter(IOptions<OpenWxApiOptions> options)
    {
        var limit = options.Value.AdminLogin;
        if (limit.Failures <= 0)
        {
            return;
        }
        var refill = limit.Window / limit.Failures;
        RetryAfterSeconds = (int)Math.Ceiling(Math.Max(1, refill.TotalSeconds));
        _buckets = new TokenBuckets(limit.Failures, 1, refill);
    }

    /// <summary>Seconds until the next try is possible after a refusal.</summary>
    public int RetryAfterSeconds { get; } = 1;

    /// <summary>True while <paramref name="address"/> has used up its wrong logins.</summary>
    public bool IsLockedOut(string address) => _buckets?.IsEmpty(address) ?? false;

    /// <summary>Counts one wrong login of <paramref name="address"/>.</summary>
    public void Failed(string address) => _buckets?.TryTake(address);

    public void Dispose() => _buckets?.Dispose();
}
