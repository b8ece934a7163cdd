using System.Text;

namespace OpenWxCluster.Emulator.Wire;

/// <summary>Text as web WeChat puts it in Content: HTML-escaped with line breaks as <c>&lt;br/&gt;</c>.</summary>
internal static class WireText
{
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text.ReplaceLineEndings("\n"))
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\n' => "<br/>",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>Undoes <see cref="Escape"/> for the control API's sent log (clients send plain text).</summary>
    public static string Unescape(string content) =>
        content.Replace("<br/>", "\n", StringComparison.Ordinal)
            .Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
}
