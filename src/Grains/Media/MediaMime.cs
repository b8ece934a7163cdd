using OpenWxCluster.Grains.Account;
using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Media;

/// <summary>Mojo's upload type detection (reference: _upload_media.pm), for bytes whose caller gave no type.</summary>
public static class MediaMime
{
    /// <summary>The given mime, else by the name's extension (Mojo's list), else by the bytes' magic number.</summary>
    public static string Resolve(string? mime, string name, ReadOnlySpan<byte> data)
    {
        if (!string.IsNullOrWhiteSpace(mime))
        {
            return mime.Trim().ToLowerInvariant();
        }
        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".jpg" or ".jpeg" => "image/jpeg",
            ".png" => "image/png",
            ".gif" => "image/gif",
            ".bmp" => "image/bmp",
            ".mp3" => "audio/mpeg",
            ".mp4" => "video/mp4",
            _ => ImageType.Sniff(data),
        };
    }

    /// <summary>image/gif → emoticon, video/mp4|mpeg → video, other image/* → image, else file (the driver's rule).</summary>
    public static MediaKind Detect(string mime) => (MediaKind)(int)new WxUpload(ReadOnlyMemory<byte>.Empty, "", mime).Kind;

    /// <summary>Mojo's media_type name of a kind (image, file, video, emoticon, voice, microvideo).</summary>
    public static string TypeName(MediaKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The content of a media message, as web WeChat shows received ones.</summary>
    public static string Placeholder(MediaKind kind) => kind switch
    {
        MediaKind.Image => "[图片]",
        MediaKind.Emoticon => "[表情]",
        MediaKind.Video or MediaKind.MicroVideo => "[视频]",
        MediaKind.Voice => "[语音]",
        _ => "[文件]",
    };
}
