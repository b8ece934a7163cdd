namespace OpenWxCluster.Contracts;

/// <summary>
/// Mojo's <c>poll_api</c> heartbeat: a GET to <see cref="Url"/> (with <c>client=</c> merged) repeated
/// <see cref="Interval"/> after each completion; a redirect to this API's own URL makes that call (NAT traversal).
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.PollSettings")]
public sealed record PollSettings([property: Id(0)] string Url, [property: Id(1)] TimeSpan Interval);
