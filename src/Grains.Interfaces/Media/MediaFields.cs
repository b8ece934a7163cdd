namespace OpenWxCluster.Contracts;

/// <summary>
/// Mojo's names of the media fields in <see cref="ChatMessage.Extra"/> once a received media is stored, and the
/// marker of a media that could not be fetched.
/// </summary>
public static class MediaFields
{
    public const string Path = "media_path";
    public const string Mime = "media_mime";
    public const string Size = "media_size";
    public const string Name = "media_name";
    public const string Ext = "media_ext";
    public const string Data = "media_data";

    /// <summary>Ours, not Mojo's: why the media has no <c>media_path</c> (download failed, too large, empty).</summary>
    public const string Error = "media_error";
}
