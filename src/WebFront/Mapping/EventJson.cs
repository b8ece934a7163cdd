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
    public static JsonObject Event(AccountEvent accountEvent) => Entry(accountEvent, mediaData: null).ToJsonObject();

    /// <summary>
    /// <see cref="Event"/>'s entry as fields, with <c>media_data</c> (<see cref="MediaDataJson"/>) when given: what
    /// check_event answers and post_api bodies are written from, with no tree in between.
    /// </summary>
    public static MojoFields Entry(AccountEvent accountEvent, string? mediaData)
    {
        ArgumentNullException.ThrowIfNull(accountEvent);
        var json = MojoEntry(accountEvent);
        json.Set("event_id", accountEvent.Id);
        json.Set("event_time", accountEvent.Time.ToUnixTimeSeconds());
        if (mediaData is not null)
        {
            json.Set(MediaFields.Data, mediaData);
        }
        return json;
    }

    /// <summary>An entry as a post_api body is sent: the same text the reply writer would write.</summary>
    public static string Serialize(AccountEvent accountEvent, string? mediaData) =>
        MojoJson.Write(Entry(accountEvent, mediaData).WriteTo);

    /// <summary>A check_event answer, written straight to the response: entries, each with its media_data if any.</summary>
    public static MojoStreamedReply Reply(EventGap? lost, string accountKey, IReadOnlyList<AccountEvent> events, IReadOnlyList<string?> mediaData) => new(json =>
    {
        json.WriteStartArray();
        if (lost is { } gap)
        {
            Lost(accountKey, gap).WriteTo(json);
        }
        for (var i = 0; i < events.Count; i++)
        {
            Entry(events[i], mediaData[i]).WriteTo(json);
        }
        json.WriteEndArray();
    });

    private static MojoFields MojoEntry(AccountEvent accountEvent)
    {
        var qq = AccountKey.PlatformOf(accountEvent.AccountKey) == AccountKey.QQ;
        if (accountEvent.PostType != AccountEvent.EventPost && accountEvent.Message is { } message)
        {
            return qq ? QqMessageJson.Fields(message, accountEvent.PostType) : MessageJson.Fields(message, accountEvent.PostType);
        }
        var json = new MojoFields();
        json.Set("post_type", accountEvent.PostType);
        if (accountEvent.PostType != AccountEvent.EventPost)
        {
            // A message post without its message is a producer bug; still report the post type, not a 500.
            return json;
        }
        json.Set("event", accountEvent.Event ?? "");
        json.Set("params", new JsonArray([.. accountEvent.Params.Select<EventParam, JsonNode?>(qq ? QqJson.Param : Param)]));
        return json;
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
