namespace OpenWxCluster.Contracts;

/// <summary>
/// get_avatar's answer: the image as served upstream, or Mojo's code and status (100 not found, -2 not running; 503
/// in <see cref="Code"/> when the upstream had no image in time, as Mojo's empty HTTP 503).
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.AvatarImage")]
public sealed record AvatarImage(
    [property: Id(0)] int Code,
    [property: Id(1)] string Status,
    [property: Id(2)] byte[]? Bytes = null,
    [property: Id(3)] string? ContentType = null)
{
    /// <summary>The upstream had no image within the wait (Mojo answers an empty HTTP 503).</summary>
    public const int Unavailable = 503;
}
