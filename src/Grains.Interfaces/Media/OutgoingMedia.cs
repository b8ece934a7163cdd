namespace OpenWxCluster.Contracts;

/// <summary>
/// The media part of a send: new bytes (<see cref="Upload"/>, uploaded first) or an earlier upload's
/// <see cref="MediaId"/>. <see cref="Kind"/> and <see cref="Name"/> override what the upload or the id says.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.OutgoingMedia")]
public sealed record OutgoingMedia(
    [property: Id(0)] MediaUpload? Upload,
    [property: Id(1)] string? MediaId,
    [property: Id(2)] MediaKind? Kind = null,
    [property: Id(3)] string? Name = null);
