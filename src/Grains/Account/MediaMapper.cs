using System.Globalization;
using OpenWxCluster.Media;

namespace OpenWxCluster.Grains.Account;

/// <summary>
/// A received media's Mojo fields: what the store kept (<c>media_path</c>, <c>media_mime</c>, <c>media_size</c>,
/// <c>media_name</c>, <c>media_ext</c>, and the path appended to the content as Mojo does after a download), or
/// the <c>media_error</c> marker when nothing could be kept.
/// </summary>
public static class MediaMapper
{
    private const string OctetStream = "application/octet-stream";
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47];
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    /// <remarks>
    /// Mojo's code wins over the API.md sample (seed 000), which shows <c>[media](path)</c> and a bare media_id: the
    /// code keeps the kind's text (<c>[图片]</c>, <c>[文件]</c>...) and appends <c>(path)</c>; media_id stays
    /// <c>&lt;MsgId&gt;:&lt;MsgType&gt;</c> (mojo-reference §3).
    /// </remarks>
    public static ChatMessage WithMedia(ChatMessage chat, MediaInfo info)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(info);
        var extra = new Dictionary<string, string>(chat.Extra, StringComparer.Ordinal)
        {
            [MediaFields.Path] = info.Path,
            [MediaFields.Mime] = info.Mime,
            [MediaFields.Size] = info.Size.ToString(CultureInfo.InvariantCulture),
            [MediaFields.Name] = info.Name,
            [MediaFields.Ext] = MediaExtensions.Of(info.Name, info.Mime),
        };
        return chat with { Content = $"{chat.Content}({info.Path})", Extra = extra };
    }

    /// <summary>The message as parsed, marked with why its media is missing (no <c>media_path</c>).</summary>
    public static ChatMessage Failed(ChatMessage chat, string reason)
    {
        ArgumentNullException.ThrowIfNull(chat);
        var extra = new Dictionary<string, string>(chat.Extra, StringComparer.Ordinal) { [MediaFields.Error] = reason };
        return chat with { Extra = extra };
    }

    /// <summary>
    /// The answer's content type when it says something, else the bytes' magic (Mojo detects GIF emoticons so), else
    /// the usual type of the media kind.
    /// </summary>
    public static string MimeOf(string? mediaType, string? contentType, ReadOnlySpan<byte> data)
    {
        if (!string.IsNullOrEmpty(contentType) && !contentType.Equals(OctetStream, StringComparison.OrdinalIgnoreCase))
        {
            return contentType;
        }
        if (data.StartsWith("GIF8"u8))
        {
            return "image/gif";
        }
        if (data.StartsWith(PngMagic))
        {
            return "image/png";
        }
        if (data.StartsWith(JpegMagic))
        {
            return "image/jpeg";
        }
        return mediaType switch
        {
            "voice" => "audio/mp3",
            "video" or "microvideo" => "video/mp4",
            _ => OctetStream,
        };
    }

    /// <summary>A file keeps its name; other media are named after the message (<c>&lt;MsgId&gt;.&lt;ext&gt;</c>).</summary>
    public static string NameOf(string msgId, string? fileName, string mime) =>
        string.IsNullOrEmpty(fileName) ? $"{msgId}.{MediaExtensions.For(mime)}" : fileName;
}
