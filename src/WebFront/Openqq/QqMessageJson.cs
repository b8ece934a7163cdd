using System.Globalization;
using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront;

/// <summary>
/// A QQ message as Openqq reports it (seed 002): id, time, content, type (friend_message, group_message,
/// sess_message, discuss_message), class, format (text: Mojo-Webqq had no other; a recall is Openwx's <c>revoke</c> with
/// <c>revoke_id</c>), the sender, receiver and group with their ids and QQ numbers, and post_type. Seed 003's
/// older names come too (<c>msg_id</c>, <c>msg_time</c>, <c>msg_class</c>), as <c>qq</c>/<c>gid</c>/<c>gnumber</c> do
/// for contacts. Falsy values render as <c>""</c> as in Mojo.
/// </summary>
public static class QqMessageJson
{
    public static JsonObject Message(ChatMessage message, string postType) => Fields(message, postType).ToJsonObject();

    /// <summary>The entry's fields, to be written straight to a reply or completed by <see cref="EventJson"/>.</summary>
    public static MojoFields Fields(ChatMessage message, string postType)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = MojoValues.OrEmpty(message.Id);
        var time = message.Time == 0 ? "" : message.Time.ToString(CultureInfo.InvariantCulture);
        var @class = MojoValues.OrEmpty(message.Class);
        var json = new MojoFields();
        json.Set("id", id);
        json.Set("msg_id", id);
        json.Set("time", time);
        json.Set("msg_time", time);
        // As in Openwx: the text "0" is a user's message, not a falsy value.
        json.Set("content", message.Content);
        json.Set("type", MojoValues.OrEmpty(message.Type));
        json.Set("class", @class);
        json.Set("msg_class", @class);
        json.Set("format", message.Format == "revoke" ? "revoke" : "text");
        if (message.Extra.TryGetValue("revoke_id", out var revoked))
        {
            json.Set("revoke_id", revoked);
        }
        if (message.Sender is not null || message.SenderId is not null)
        {
            json.Set("sender", MojoValues.OrEmpty(message.Sender));
            json.Set("sender_id", MojoValues.OrEmpty(message.SenderId));
            json.Set("sender_uid", MojoValues.OrEmpty(message.SenderUid));
        }
        if (message.Receiver is not null || message.ReceiverId is not null)
        {
            json.Set("receiver", MojoValues.OrEmpty(message.Receiver));
            json.Set("receiver_id", MojoValues.OrEmpty(message.ReceiverId));
            json.Set("receiver_uid", MojoValues.OrEmpty(message.ReceiverUid));
        }
        // A sess message came through a group, so it names the group too.
        if (message.Type is "group_message" or "sess_message" && (message.Group is not null || message.GroupId is not null))
        {
            json.Set("group", MojoValues.OrEmpty(message.Group ?? message.GroupName));
            json.Set("group_id", MojoValues.OrEmpty(message.GroupId));
            json.Set("group_uid", MojoValues.OrEmpty(message.GroupUid));
        }
        if (message.Type == "discuss_message")
        {
            QqDiscussJson.AddTo(json, message);
        }
        json.Set("post_type", postType);
        return json;
    }
}
