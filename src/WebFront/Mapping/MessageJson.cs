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
    public static JsonObject Message(ChatMessage message, string postType)
    {
        var json = new JsonObject
        {
            ["id"] = Falsy(message.Id),
            ["time"] = message.Time == 0 ? "" : message.Time.ToString(CultureInfo.InvariantCulture),
            // Deviation on purpose: Mojo's `|| ""` also blanks the text "0"; a user's message is kept as sent.
            ["content"] = message.Content,
            ["type"] = Falsy(message.Type),
            ["class"] = Falsy(message.Class),
            ["format"] = Falsy(message.Format),
            ["source"] = Falsy(message.Source),
            ["from"] = Falsy(message.From),
        };
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
            json["sender"] = Falsy(message.Sender);
            json["sender_account"] = Falsy(message.SenderAccount);
            // The contract carries no member uid; web WeChat leaves it empty anyway, so Mojo's key is kept blank.
            json["sender_uid"] = "";
            json["sender_name"] = Falsy(message.SenderName);
            json["sender_markname"] = Falsy(message.SenderMarkname);
            json["sender_category"] = Falsy(message.SenderCategory);
        }
        if (message.Receiver is not null && !(message.Type == "group_message" && message.Class == "send"))
        {
            json["receiver"] = Falsy(message.Receiver);
            json["receiver_account"] = Falsy(message.ReceiverAccount);
            json["receiver_uid"] = "";
            json["receiver_name"] = Falsy(message.ReceiverName);
            json["receiver_markname"] = Falsy(message.ReceiverMarkname);
        }
        if (message.Group is not null && message.Type is "group_message" or "group_notice")
        {
            json["group"] = Falsy(message.Group);
            json["group_uid"] = "";
            json["group_name"] = Falsy(message.GroupName);
        }
        json["post_type"] = postType;
        return json;
    }

    private static string Falsy(string? value) => MojoValues.OrEmpty(value);

    /// <summary>Mojo only renders attributes the message object has; a null here means "not set".</summary>
    private static void AddIfPresent(JsonObject json, string key, string? value)
    {
        if (value is not null)
        {
            json[key] = Falsy(value);
        }
    }
}
