namespace OpenWxCluster.Contracts;

/// <summary>
/// A send with media: the message receipt (as <see cref="SendReceipt"/>) plus the media_id that was sent, empty
/// unless the media went out.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.MediaSendReceipt")]
public sealed record MediaSendReceipt(
    [property: Id(0)] string? Id,
    [property: Id(1)] int Code,
    [property: Id(2)] string Status,
    [property: Id(3)] string MediaId);
