namespace OpenWxCluster.Contracts;

/// <summary>
/// State of an account's post_api delivery: the destination (null when none), events waiting, the highest event
/// sequence accepted, how many were delivered, given up (too old, refused with 4xx) or dropped from a full backlog,
/// and the last attempts, newest first.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.WebhookInfo")]
public sealed record WebhookInfo(
    [property: Id(0)] string? Url,
    [property: Id(1)] int Backlog,
    [property: Id(2)] long LastSeq,
    [property: Id(3)] long Delivered,
    [property: Id(4)] long Failed,
    [property: Id(5)] long Dropped,
    [property: Id(6)] IReadOnlyList<WebhookAttempt> Attempts);
