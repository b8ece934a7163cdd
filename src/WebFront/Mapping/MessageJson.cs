using System.Globalization;
using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront;

/// <summary>
/// A message as Mojo's <c>Message::Base::to_json_hash</c> plus <c>post_type</c>: the attributes the message has,
/// falsy values turned into <c>""</c>, then the derived sender/receiver/group names with Mojo's omissions
/// (no sender block for group_notice, no receiver block for a sent group message, group block only for group types).
/// </summary>
public static class MessageJson
{
    public static JsonObject Message(ChatMessage message, string postType) => Fields(message, postType).ToJsonObject();

    /// <summary>The entry's fields, to be written straight to a reply or completed by <see cref="EventJson"/>.</summary>
    public static MojoFields Fields(ChatMessage message, string postType)
    {
        ArgumentNullException.ThrowIfNull(message);
        var json = new MojoFields();
        json.Set("id", Falsy(message.Id));
        json.Set("time", message.Time == 0 ? "" : message.Time.ToString(CultureInfo.InvariantCulture));
        // Deviation on purpose: Mojo's `|| ""` also blanks the text "0"; a user's message is kept as sent.
        json.Set("content", message.Content);
        json.Set("type", Falsy(message.Type));
        json.Set("class", Falsy(message.Class));
        json.Set("format", Falsy(message.Format));
        json.Set("source", Falsy(message.Source));
        json.Set("from", Falsy(message.From));
        AddIfPresent(json, "sender_id", message.SenderId);
        AddIfPresent(json, "receiver_id", message.ReceiverId);
        AddIfPresent(json, "group_id", message.GroupId);
        foreach (var (key, value) in message.Extra)
        {
            // Extra holds media_*/app_*/card_*/revoke_id; it must not shadow the core fields above.
            json.TryAdd(key, Falsy(value));
        }

        if (message.Sender is not null && message.Type != "group_notice")
        {
            json.Set("sender", Falsy(message.Sender));
            json.Set("sender_account", Falsy(message.SenderAccount));
            // The contract carries no member uid; web WeChat leaves it empty anyway, so Mojo's key is kept blank.
            json.Set("sender_uid", "");
            json.Set("sender_name", Falsy(message.SenderName));
            json.Set("sender_markname", Falsy(message.SenderMarkname));
            json.Set("sender_category", Falsy(message.SenderCategory));
        }
        if (message.Receiver is not null && !(message.Type == "group_message" && message.Class == "send"))
        {
            json.Set("receiver", Falsy(message.Receiver));
            json.Set("receiver_account", Falsy(message.ReceiverAccount));
            json.Set("receiver_uid", "");
            json.Set("receiver_name", Falsy(message.ReceiverName));
            json.Set("receiver_markname", Falsy(message.ReceiverMarkname));
        }
        if (message.Group is not null && message.Type is "group_message" or "group_notice")
        {
            json.Set("group", Falsy(message.Group));
            json.Set("group_uid", "");
            json.Set("group_name", Falsy(message.GroupName));
        }
        json.Set("post_type", postType);
        return json;
    }

    private static string Falsy(string? value) => MojoValues.OrEmpty(value);

    /// <summary>Mojo only renders attributes the message object has; a null here means "not set".</summary>
    private static void AddIfPresent(MojoFields json, string key, string? value)
    {
        if (value is not null)
        {
            json.Set(key, Falsy(value));
        }
    }
}
