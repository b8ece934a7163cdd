namespace OpenWxCluster.Contracts;

/// <summary>The heartbeat's destination (null: none), polls and local calls made by this activation, the last outcome.</summary>
[GenerateSerializer, Immutable, Alias("openwx.PollInfo")]
public sealed record PollInfo(
    [property: Id(0)] string? Url,
    [property: Id(1)] long Polls,
    [property: Id(2)] long LocalCalls,
    [property: Id(3)] string? LastOutcome);
