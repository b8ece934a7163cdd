using System.Text.Json.Nodes;
using OpenWxCluster.Grains;

namespace OpenWxCluster.WebFront;

/// <summary>
/// check_event entries: messages as <see cref="MessageJson"/> with their post_type, other events as
/// <c>{"post_type":"event","event":name,"params":[...]}</c> with contacts and groups rendered as Mojo objects.
/// </summary>
public static class EventJson
{
    /// <summary>
    /// The Mojo entry plus two fields Mojo does not have (its clients ignore unknown fields): <c>event_id</c>, the
    /// same on every delivery of the event so a consumer can drop duplicates, and <c>event_time</c> (unix seconds).
    /// </summary>
    public static JsonObject Event(AccountEvent accountEvent)
    {
        var json = MojoEntry(accountEvent);
        json["event_id"] = accountEvent.Id;
        json["event_time"] = accountEvent.Time.ToUnixTimeSeconds();
        return json;
    }

    private static JsonObject MojoEntry(AccountEvent accountEvent)
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
            ["params"] = new JsonArray([.. accountEvent.Params.Select(Param)]),
        };
    }

    public static JsonArray Events(IEnumerable<AccountEvent> events) => [.. events.Select(e => (JsonNode)Event(e))];

    /// <summary>A string, a number, a friend or member object, or a group object with its members.</summary>
    public static JsonNode? Param(EventParam param) => param switch
    {
        { Contact: { } member, IsMember: true } => ContactJson.Member(member),
        { Contact: { } contact } => ContactJson.Friend(contact),
        { Group: { } group } => GroupJson.Group(group),
        { Number: { } number } => JsonValue.Create(number),
        { Text: { } text } => JsonValue.Create(text),
        _ => null,
    };
}
