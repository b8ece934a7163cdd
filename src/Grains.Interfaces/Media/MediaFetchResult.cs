namespace OpenWxCluster.Contracts;

/// <summary>A media_url fetch: the bytes, or why there are none.</summary>
[GenerateSerializer, Immutable, Alias("openwx.MediaFetchResult")]
public sealed record MediaFetchResult(
    [property: Id(0)] MediaUpload? Upload,
    [property: Id(1)] MediaFetchError Error,
    [property: Id(2)] string Status);
