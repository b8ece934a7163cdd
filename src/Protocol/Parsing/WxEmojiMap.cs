using System.Globalization;

namespace OpenWxCluster.Protocol.Parsing;

/// <summary>
/// Renders web WeChat's <c>&lt;span class="emoji emojiXXXX"&gt;</c> markers, either as a bracketed name (Mojo's
/// default) or as the real emoji. The name table is deliberately small; everything else is <c>[未知表情]</c>.
/// </summary>
internal static class WxEmojiMap
{
    public const string Unknown = "[未知表情]";

    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["1f600"] = "[嘿嘿]", ["1f601"] = "[露齿笑]", ["1f602"] = "[破涕为笑]", ["1f603"] = "[哈哈]",
        ["1f604"] = "[大笑]", ["1f609"] = "[眨眼]", ["1f60a"] = "[微笑]", ["1f60d"] = "[花痴]",
        ["1f618"] = "[飞吻]", ["1f61c"] = "[吐舌]", ["1f621"] = "[生气]", ["1f622"] = "[流泪]",
        ["1f62d"] = "[大哭]", ["1f631"] = "[惊恐]", ["1f44d"] = "[强]", ["1f44e"] = "[弱]",
        ["1f44f"] = "[鼓掌]", ["1f64f"] = "[合十]", ["2764"] = "[爱心]", ["1f494"] = "[心碎]",
        ["1f339"] = "[玫瑰]", ["1f389"] = "[庆祝]", ["1f4aa"] = "[肌肉]", ["1f525"] = "[火]",
        ["2600"] = "[太阳]", ["1f319"] = "[月亮]", ["1f37a"] = "[啤酒]", ["1f382"] = "[蛋糕]",
        ["1f381"] = "[礼物]", ["1f436"] = "[狗]", ["1f431"] = "[猫]",
    };

    public static string Render(string hex, bool asText)
    {
        if (asText)
        {
            return Names.GetValueOrDefault(hex, Unknown);
        }

        return ToEmoji(hex) ?? Unknown;
    }

    /// <summary>
    /// Hex code points to text. Flags arrive as two concatenated 5-digit code points (1f1e81f1f3), so longer codes are
    /// split into 5-digit groups.
    /// </summary>
    private static string? ToEmoji(string hex)
    {
        var groups = hex.Length > 5 && hex.Length % 5 == 0
            ? Enumerable.Range(0, hex.Length / 5).Select(i => hex.Substring(i * 5, 5))
            : [hex];
        var text = new System.Text.StringBuilder();
        foreach (var group in groups)
        {
            if (!int.TryParse(group, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var codePoint)
                || codePoint > 0x10FFFF || codePoint is >= 0xD800 and <= 0xDFFF)
            {
                return null;
            }

            text.Append(char.ConvertFromUtf32(codePoint));
        }

        return text.ToString();
    }
}
