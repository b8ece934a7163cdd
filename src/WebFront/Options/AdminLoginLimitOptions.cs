namespace OpenWxCluster.WebFront;

/// <summary>
/// How many wrong admin-token logins one remote address may make (<c>App:Api:AdminLogin</c>): a bucket of
/// <see cref="Failures"/> refills over <see cref="Window"/>; while it is empty every login from that address,
/// right or wrong, answers 429. Successful logins take nothing, so an operator is never locked out by using the
/// console, only by guessing.
/// </summary>
public sealed class AdminLoginLimitOptions
{
    /// <summary>Wrong logins allowed at once; 0 turns the limit off.</summary>
    public int Failures { get; set; } = 10;

    /// <summary>Time for an empty bucket to refill completely.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}
