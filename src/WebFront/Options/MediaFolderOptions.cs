namespace OpenWxCluster.WebFront;

/// <summary>
/// Where media_path may read from (<c>OpenWx:Media:SendFolder</c>; <c>OpenWx:Media:Folder</c> is the received-media
/// store, a different folder on purpose: sends must not read what strangers sent).
/// </summary>
public sealed class MediaFolderOptions
{
    public const string SectionName = "OpenWx:Media";

    /// <summary>
    /// The only folder media_path may name a file in (relative to it, or absolute inside it; symbolic links are
    /// followed and must stay inside). Empty: media_path is refused, since any other path would let a caller send
    /// the server's files.
    /// </summary>
    public string? SendFolder { get; set; }
}
