using System.Text;

namespace OpenWxCluster.QqProtocol.Messages;

/// <summary>
/// The CQ-code string form of OneBot v11 messages (<c>message_format=string</c>, the default). Text escapes
/// <c>&amp; [ ]</c>; parameter values also escape <c>,</c>. Parsing never lets escaped text become a code, and
/// formatting always escapes, so user text survives a round trip verbatim.
/// </summary>
public static class CqCode
{
    public static string EscapeText(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("[", "&#91;", StringComparison.Ordinal)
            .Replace("]", "&#93;", StringComparison.Ordinal);

    public static string EscapeParam(string value) => EscapeText(value).Replace(",", "&#44;", StringComparison.Ordinal);

    // &amp; goes last so "&amp;#91;" (a literal "&#91;" in the original) comes back as "&#91;", not "[".
    public static string Unescape(string text) =>
        text.Replace("&#44;", ",", StringComparison.Ordinal)
            .Replace("&#91;", "[", StringComparison.Ordinal)
            .Replace("&#93;", "]", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>Splits a CQ string into segments; an unterminated <c>[CQ:</c> stays text.</summary>
    public static IReadOnlyList<OneBotSegment> Parse(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var segments = new List<OneBotSegment>();
        var pos = 0;
        while (pos < message.Length)
        {
            var start = message.IndexOf("[CQ:", pos, StringComparison.Ordinal);
            var end = start < 0 ? -1 : message.IndexOf(']', start);
            if (end < 0)
            {
                AddText(segments, message[pos..]);
                break;
            }

            AddText(segments, message[pos..start]);
            segments.Add(ParseCode(message[(start + 4)..end]));
            pos = end + 1;
        }

        return segments;
    }

    /// <summary>Formats segments as a CQ string; text segments are escaped, others become codes.</summary>
    public static string Format(IEnumerable<OneBotSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var sb = new StringBuilder();
        foreach (var segment in segments)
        {
            if (segment.Type == "text")
            {
                sb.Append(EscapeText(segment.Get("text")));
                continue;
            }

            sb.Append("[CQ:").Append(segment.Type);
            foreach (var (key, value) in segment.Data)
            {
                sb.Append(',').Append(key).Append('=').Append(EscapeParam(value));
            }

            sb.Append(']');
        }

        return sb.ToString();
    }

    private static OneBotSegment ParseCode(string body)
    {
        var parts = body.Split(',');
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                data[part[..eq]] = Unescape(part[(eq + 1)..]);
            }
        }

        return new OneBotSegment(parts[0], data);
    }

    private static void AddText(List<OneBotSegment> segments, string raw)
    {
        if (raw.Length > 0)
        {
            segments.Add(OneBotSegment.Text(Unescape(raw)));
        }
    }
}
