using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace OpenWxCluster.Protocol.Parsing;

/// <summary>
/// XML from message contents. Upstream XML is not always well-formed, so when parsing fails lookups fall back to a
/// regex on the innermost element name.
/// </summary>
internal sealed partial class WxXmlDoc
{
    private readonly string _text;
    private readonly XElement? _root;

    private WxXmlDoc(string text, XElement? root)
    {
        _text = text;
        _root = root;
    }

    public static WxXmlDoc Parse(string text)
    {
        try
        {
            return new WxXmlDoc(text, XElement.Parse(text));
        }
        catch (XmlException)
        {
            return new WxXmlDoc(text, null);
        }
    }

    /// <summary>Text of the element at <paramref name="path"/> below the root (root name excluded), or "".</summary>
    public string Value(params string[] path)
    {
        if (_root is null)
        {
            var match = ElementRegex(path[^1]).Match(_text);
            return match.Success ? StripCData(match.Groups[1].Value).Trim() : "";
        }

        return (Find(path)?.Value ?? "").Trim();
    }

    /// <summary>Attribute of the element at <paramref name="path"/> (empty path: the root), or "".</summary>
    public string Attribute(string name, params string[] path)
    {
        if (_root is null)
        {
            var match = new Regex($"\\b{Regex.Escape(name)}\\s*=\\s*\"([^\"]*)\"").Match(_text);
            return match.Success ? match.Groups[1].Value : "";
        }

        return (string?)Find(path)?.Attribute(name) ?? "";
    }

    private XElement? Find(string[] path)
    {
        var element = _root;
        foreach (var name in path)
        {
            element = element?.Element(name);
        }

        return element;
    }

    private static Regex ElementRegex(string name) =>
        new($"<{Regex.Escape(name)}(?:\\s[^>]*)?>(.*?)</{Regex.Escape(name)}>", RegexOptions.Singleline);

    private static string StripCData(string value) => CDataRegex().Replace(value, "$1");

    [GeneratedRegex(@"<!\[CDATA\[(.*?)\]\]>", RegexOptions.Singleline)]
    private static partial Regex CDataRegex();
}
