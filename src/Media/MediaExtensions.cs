namespace OpenWxCluster.Media;

/// <summary>File name extensions for the mime types web WeChat serves (Mojo's <c>media_ext</c>).</summary>
public static class MediaExtensions
{
    public static string For(string mime) => mime.ToLowerInvariant() switch
    {
        "image/jpeg" or "image/jpg" => "jpg",
        "image/png" => "png",
        "image/gif" => "gif",
        "image/webp" => "webp",
        "audio/mp3" or "audio/mpeg" => "mp3",
        "audio/amr" => "amr",
        "video/mp4" => "mp4",
        _ => "dat",
    };

    /// <summary>A safe extension from a file name (letters and digits only, at most 8), else from the mime type.</summary>
    public static string Of(string name, string mime)
    {
        var ext = System.IO.Path.GetExtension(name).TrimStart('.');
        return ext.Length is > 0 and <= 8 && ext.All(char.IsAsciiLetterOrDigit) ? ext.ToLowerInvariant() : For(mime);
    }
}
