using System.Net;
using System.Text.RegularExpressions;

namespace OpenWxCluster.Protocol.Parsing;

/// <summary>Turns web WeChat's HTML-flavoured message text into plain text the way Mojo does.</summary>
internal static partial class WxContentCleaner
{
    /// <summary>Text content: line breaks, emoji markers, HTML entities and @-mention separators.</summary>
    public static string Clean(string content, bool emojiToText)
    {
        var text = content.Replace("<br/>", "\n", StringComparison.Ordinal);

        // Emoji spans are real markup (user-typed '<' arrives as &lt;), so they go before entity decoding.
        text = EmojiSpanRegex().Replace(text, m => WxEmojiMap.Render(m.Groups[1].Value, emojiToText));
        text = WebUtility.HtmlDecode(text);
        return MentionRegex().Replace(text, "$1 ");
    }

    /// <summary>XML carried in Content (appmsg, sysmsg, card) is HTML-escaped and uses &lt;br/&gt; for newlines.</summary>
    public static string UnescapeXml(string content) =>
        WebUtility.HtmlDecode(content.Replace("<br/>", "\n", StringComparison.Ordinal)).Trim();

    [GeneratedRegex("<span class=\"emoji emoji([0-9a-fA-F]+)\"></span>")]
    private static partial Regex EmojiSpanRegex();

    /// <summary>WeChat ends an @mention with U+2005 (four-per-em space); Mojo turns it into an ASCII space.</summary>
    [GeneratedRegex("(@[^\\s\\u2005@]+)\\u2005")]
    private static partial Regex MentionRegex();
}
