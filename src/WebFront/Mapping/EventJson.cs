using System.Text.Json;
using System.Text.Json.Nodes;
using OpenWxCluster.Grains;

namespace OpenWxCluster.WebFront;

/// <summary>
/// check_event entries: messages as <see cref="MessageJson"/> with their post_type, other events as
/// <c>{"post_type":"event","event":name,"params":[...]}</c> where each param is the raw JSON the grain stored.
/// </summary>
public static class EventJson
{
    public static JsonObject Event(AccountEvent accountEvent)
    {
        if (accountEvent.PostType != AccountEvent.EventPost && accountEvent.Message is { } message)
        {
            return MessageJson.Message(message, accountEvent.PostType);
        }
        if (accountEvent.PostType != AccountEvent.EventPost)
        {
            // A message post without its message is a producer bug; still report the post type, not a 500.
            return new JsonObject { ["post_type"] = accountEvent.PostType };
        }
        return new JsonObject
        {
            ["post_type"] = AccountEvent.EventPost,
            ["event"] = accountEvent.Event ?? "",
            ["params"] = new JsonArray([.. accountEvent.ParamsJson.Select(Param)]),
        };
    }

    public static JsonArray Events(IEnumerable<AccountEvent> events) => [.. events.Select(e => (JsonNode)Event(e))];

    /// <summary>A stored fragment (object, string, number...); text that is not JSON is passed on as a string.</summary>
    public static JsonNode? Param(string fragment)
    {
        try
        {
            return JsonNode.Parse(fragment);
        }
        catch (JsonException)
        {
            return JsonValue.Create(fragment);
        }
    }
}
