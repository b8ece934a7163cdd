namespace OpenWxCluster.Contracts;

/// <summary>
/// A file the account uploaded (<see cref="MediaId"/> is Mojo's <c>&lt;server MediaId&gt;:&lt;media code&gt;</c>,
/// <see cref="Time"/> unix seconds). Kept (bounded) with the account's state, so a later send by <see cref="MediaId"/>
/// still knows the file's name and size after the grain moved to another silo (Mojo loses them).
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.UploadedMedia")]
public sealed record UploadedMedia(
    [property: Id(0)] string MediaId,
    [property: Id(1)] MediaKind Kind,
    [property: Id(2)] string Name,
    [property: Id(3)] long Size,
    [property: Id(4)] string Mime,
    [property: Id(5)] long Time)
{
    /// <summary>The name's extension without the dot ("" without one).</summary>
    public string Ext => Path.GetExtension(Name).TrimStart('.');
}
