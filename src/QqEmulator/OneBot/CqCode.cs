using System.Text;
using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.QqEmulator.OneBot;

/// <summary>
/// CQ code strings (<c>hi[CQ:at,qq=123]</c>) to and from segments. Text escapes <c>&amp; [ ]</c>; parameter values
/// also escape <c>,</c>, as the OneBot v11 message/string.md describes.
/// </summary>
public static class CqCode
{
    public static IReadOnlyList<MessageSegment> Parse(string text, bool autoEscape = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (autoEscape)
        {
            return text.Length == 0 ? [] : [MessageSegment.Text(text)];
        }

        var segments = new List<MessageSegment>();
        var i = 0;
        while (i < text.Length)
        {
            var start = text.IndexOf("[CQ:", i, StringComparison.Ordinal);
            var end = start < 0 ? -1 : text.IndexOf(']', start);
            if (start < 0 || end < 0)
            {
                AddText(segments, text[i..]);
                break;
            }

            AddText(segments, text[i..start]);
            var parts = text[(start + 4)..end].Split(',');
            var data = new Dictionary<string, string>();
            foreach (var part in parts.Skip(1))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    data[part[..eq]] = Unescape(part[(eq + 1)..]);
                }
            }

            segments.Add(new MessageSegment(parts[0], data));
            i = end + 1;
        }

        return segments;
    }

    public static string Render(IEnumerable<MessageSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var sb = new StringBuilder();
        foreach (var s in segments)
        {
            if (s.Type == "text")
            {
                sb.Append(Escape(s.Data.GetValueOrDefault("text") ?? "", comma: false));
                continue;
            }

            sb.Append("[CQ:").Append(s.Type);
            foreach (var (k, v) in s.Data)
            {
                sb.Append(',').Append(k).Append('=').Append(Escape(v, comma: true));
            }

            sb.Append(']');
        }

        return sb.ToString();
    }

    private static void AddText(List<MessageSegment> segments, string raw)
    {
        if (raw.Length > 0)
        {
            segments.Add(MessageSegment.Text(Unescape(raw)));
        }
    }

    private static string Escape(string s, bool comma)
    {
        var escaped = s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("[", "&#91;", StringComparison.Ordinal)
            .Replace("]", "&#93;", StringComparison.Ordinal);
        return comma ? escaped.Replace(",", "&#44;", StringComparison.Ordinal) : escaped;
    }

    private static string Unescape(string s) =>
        s.Replace("&#44;", ",", StringComparison.Ordinal).Replace("&#91;", "[", StringComparison.Ordinal)
            .Replace("&#93;", "]", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
}
