namespace OpenWxCluster.Contracts;

/// <summary>An upload's outcome: <see cref="SendCodes"/> code and status text, the media when it succeeded.</summary>
[GenerateSerializer, Immutable, Alias("openwx.MediaUploadResult")]
public sealed record MediaUploadResult(
    [property: Id(0)] int Code,
    [property: Id(1)] string Status,
    [property: Id(2)] UploadedMedia? Media);
