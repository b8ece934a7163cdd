namespace OpenWxCluster.Contracts;

/// <summary>
/// One POST of an event: its id, the attempt number, the HTTP status (0 when there was no answer), how long it
/// took, and the error kind when it failed (never the body or the URL's query).
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.WebhookAttempt")]
public sealed record WebhookAttempt(
    [property: Id(0)] string EventId,
    [property: Id(1)] int Attempt,
    [property: Id(2)] int StatusCode,
    [property: Id(3)] TimeSpan Latency,
    [property: Id(4)] string? Error,
    [property: Id(5)] DateTimeOffset Time);
