using System.Text.Json.Nodes;
using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.QqEmulator.OneBot;

/// <summary>Segments to and from OneBot JSON (<c>[{"type":..,"data":{..}}]</c>).</summary>
public static class SegmentJson
{
    public static JsonArray ToJson(IEnumerable<MessageSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var array = new JsonArray();
        foreach (var s in segments)
        {
            var data = new JsonObject();
            foreach (var (k, v) in s.Data)
            {
                data[k] = v;
            }

            array.Add(new JsonObject { ["type"] = s.Type, ["data"] = data });
        }

        return array;
    }

    /// <summary>A message parameter as the spec allows it: a CQ string, one segment object, or a segment array.</summary>
    public static IReadOnlyList<MessageSegment> Parse(JsonNode? node, bool autoEscape)
    {
        switch (node)
        {
            case JsonValue v when v.TryGetValue<string>(out var text):
                return CqCode.Parse(text, autoEscape);
            case JsonObject o:
                return [Segment(o)];
            case JsonArray a:
                return [.. a.Select(n => n as JsonObject ?? throw QqWorldException.BadParameter("a segment must be an object")).Select(Segment)];
            default:
                throw QqWorldException.BadParameter("message is missing or not a string or segments");
        }
    }

    private static MessageSegment Segment(JsonObject o)
    {
        var type = o["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : throw QqWorldException.BadParameter("a segment needs a type");
        var data = new Dictionary<string, string>();
        if (o["data"] is JsonObject d)
        {
            foreach (var (k, v) in d)
            {
                data[k] = v is JsonValue jv && jv.TryGetValue<string>(out var str) ? str : v?.ToJsonString() ?? "";
            }
        }

        return new MessageSegment(type, data);
    }
}
