using System.Text.Json.Nodes;

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
        var qq = AccountKey.PlatformOf(accountEvent.AccountKey) == AccountKey.QQ;
        if (accountEvent.PostType != AccountEvent.EventPost && accountEvent.Message is { } message)
        {
            return qq ? QqMessageJson.Message(message, accountEvent.PostType) : MessageJson.Message(message, accountEvent.PostType);
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
            ["params"] = new JsonArray([.. accountEvent.Params.Select<EventParam, JsonNode?>(qq ? QqJson.Param : Param)]),
        };
    }

    public static JsonArray Events(IEnumerable<AccountEvent> events) => [.. events.Select(e => (JsonNode)Event(e))];

    /// <summary>A cursor-mode answer: the <see cref="Lost"/> entry first when events were dropped, then the events.</summary>
    public static JsonArray CursorAnswer(string accountKey, CursorBatch batch)
    {
        var answer = Events(batch.Events);
        if (batch.Lost is { } gap)
        {
            answer.Insert(0, Lost(accountKey, gap));
        }
        return answer;
    }

    /// <summary>
    /// <c>{"post_type":"event","event":"events_lost","params":[first_seq,last_seq],...}</c>: the cursor log was full
    /// and dropped these events. Its <c>event_id</c> is that of the last one lost, so a client that passes the last
    /// entry's id as its next cursor moves past the gap like past any event.
    /// </summary>
    public static JsonObject Lost(string accountKey, EventGap gap) => new()
    {
        ["post_type"] = AccountEvent.EventPost,
        ["event"] = "events_lost",
        ["params"] = new JsonArray(gap.FirstSeq, gap.LastSeq),
        ["event_id"] = $"{accountKey}:{gap.LastSeq}",
        ["event_time"] = gap.DroppedAt.ToUnixTimeSeconds(),
    };

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
