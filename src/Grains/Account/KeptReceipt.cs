namespace OpenWxCluster.Grains.Account;

/// <summary>
/// A successful send's receipt kept for its idempotency key until <see cref="At"/> + the window; a media send also
/// keeps its media_id.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.KeptReceipt")]
public sealed record KeptReceipt(
    [property: Id(0)] SendReceipt Receipt,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string? MediaId = null);
