using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenWxCluster.QqProtocol.Messages;

/// <summary>
/// Between OneBot segments and the plain text Mojo-Webqq puts in <c>content</c>: faces as <c>[微笑]</c> (unknown ids
/// as <c>[系统表情]</c>), images as <c>[图片]</c>, anything else as <c>[未识别内容]</c>, as Mojo-Webqq rendered them.
/// Text is copied verbatim both ways: it is never parsed as CQ code, and outgoing text only ever becomes text or
/// face segments, so neither direction can inject a code.
/// </summary>
public static partial class MojoMessageText
{
    public const string ImageText = "[图片]";
    public const string UnknownText = "[未识别内容]";
    public const string AtAllText = "@全体成员";

    /// <summary>
    /// Renders segments as Mojo text. <paramref name="atName"/> resolves an @mention's QQ number to a display name
    /// (group card or nickname); without one, or when it returns null, the number is shown. Replies render as nothing
    /// (Mojo-Webqq had no quoting); read <see cref="ReplyTo"/> for the quoted id.
    /// </summary>
    public static string ToMojoText(IEnumerable<OneBotSegment> segments, Func<long, string?>? atName = null)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var sb = new StringBuilder();
        foreach (var s in segments)
        {
            sb.Append(s.Type switch
            {
                "text" => s.Get("text"),
                "face" => int.TryParse(s.Get("id"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                    && MojoFaces.NameById.TryGetValue(id, out var name) ? $"[{name}]" : MojoFaces.UnknownFace,
                "image" => ImageText,
                "at" => At(s.Get("qq"), atName),
                "reply" => "",
                _ => UnknownText,
            });
        }

        return sb.ToString();
    }

    /// <summary>The quoted message id of a reply segment, or null.</summary>
    public static long? ReplyTo(IEnumerable<OneBotSegment> segments) =>
        segments.Where(s => s.Type == "reply")
            .Select(s => long.TryParse(s.Get("id"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : (long?)null)
            .FirstOrDefault(id => id is not null);

    /// <summary>The URLs of the image segments (the <c>url</c> field, else <c>file</c> when it is a URL).</summary>
    public static IReadOnlyList<string> ImageUrls(IEnumerable<OneBotSegment> segments) =>
        [.. segments.Where(s => s.Type == "image")
            .Select(s => s.Get("url").Length > 0 ? s.Get("url") : s.Get("file"))
            .Where(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || u.StartsWith("https://", StringComparison.OrdinalIgnoreCase))];

    /// <summary>
    /// Builds segments from Mojo text: <c>[name]</c> with a known face name becomes a face (as Mojo-Webqq's send path
    /// did), everything else stays text. An optional reply goes first and images (http/https URLs) last.
    /// </summary>
    public static IReadOnlyList<OneBotSegment> FromMojoText(string text, long? replyTo = null, IEnumerable<string>? imageUrls = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = new List<OneBotSegment>();
        if (replyTo is { } reply)
        {
            segments.Add(OneBotSegment.Reply(reply));
        }

        var pos = 0;
        foreach (Match m in Bracketed().Matches(text))
        {
            if (!MojoFaces.IdByName.TryGetValue(m.Groups[1].Value, out var id))
            {
                continue;
            }

            if (m.Index > pos)
            {
                segments.Add(OneBotSegment.Text(text[pos..m.Index]));
            }

            segments.Add(OneBotSegment.Face(id));
            pos = m.Index + m.Length;
        }

        if (pos < text.Length)
        {
            segments.Add(OneBotSegment.Text(text[pos..]));
        }

        foreach (var url in imageUrls ?? [])
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                // file:// or base64:// would let a caller read the implementation's disk or bypass size checks.
                throw new ArgumentException($"Only http/https image URLs are sent: {url}", nameof(imageUrls));
            }

            segments.Add(OneBotSegment.Image(url));
        }

        return segments;
    }

    private static string At(string qq, Func<long, string?>? atName)
    {
        if (qq == "all")
        {
            return AtAllText;
        }

        var name = atName is not null && long.TryParse(qq, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? atName(id) : null;
        return "@" + (string.IsNullOrEmpty(name) ? qq : name);
    }

    [GeneratedRegex(@"\[([^\[\]]+)\]")]
    private static partial Regex Bracketed();
}
