using System.Globalization;
using System.Text.Json.Nodes;
using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.QqEmulator.OneBot;

/// <summary>
/// An action's parameters merged from the query, a urlencoded form and a JSON body (later sources win). Numbers and
/// booleans are accepted as JSON values or strings, since query and form carry only strings.
/// </summary>
public sealed class ActionParameters(Dictionary<string, JsonNode?> values)
{
    public JsonNode? this[string name] => values.GetValueOrDefault(name);

    public long Long(string name) => OptionalLong(name) ?? throw QqWorldException.BadParameter($"{name} is missing");

    public long? OptionalLong(string name)
    {
        switch (this[name])
        {
            case null:
                return null;
            case JsonValue v when v.TryGetValue<long>(out var l):
                return l;
            case JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p):
                return p;
            default:
                throw QqWorldException.BadParameter($"{name} is not an integer");
        }
    }

    public bool Bool(string name, bool fallback = false) => this[name] switch
    {
        null => fallback,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => s is "true" or "1" || (s is not ("false" or "0") && fallback),
        JsonValue v when v.TryGetValue<long>(out var l) => l != 0,
        _ => fallback,
    };

    public string? String(string name) => this[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var n => n.ToJsonString(),
    };

    /// <summary>The <c>message</c> parameter: a CQ string (escaped as text with auto_escape) or segments.</summary>
    public IReadOnlyList<MessageSegment> Message()
    {
        var node = this["message"];
        // A form or query can carry a segment array only as JSON text.
        if (node is JsonValue v && v.TryGetValue<string>(out var s) && s.StartsWith('[') && !s.StartsWith("[CQ:", StringComparison.Ordinal))
        {
            try
            {
                node = JsonNode.Parse(s);
            }
            catch (System.Text.Json.JsonException)
            {
                // plain text that merely starts with '['
            }
        }

        return SegmentJson.Parse(node, Bool("auto_escape"));
    }
}
