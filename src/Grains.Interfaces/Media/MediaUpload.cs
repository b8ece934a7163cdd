namespace OpenWxCluster.Contracts;

/// <summary>
/// Media bytes to upload, at most <see cref="MediaLimits.MaxBytes"/>. <see cref="Mime"/> and <see cref="Kind"/> are
/// what the caller asked for (media_mime, media_type); null lets the account grain detect them as Mojo does.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.MediaUpload")]
public sealed record MediaUpload(
    [property: Id(0)] byte[] Data,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Mime,
    [property: Id(3)] MediaKind? Kind);
