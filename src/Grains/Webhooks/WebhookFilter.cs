namespace OpenWxCluster.Grains.Webhooks;

/// <summary>
/// Which events Mojo posts, and where a post's reply goes. Messages: friend_message, group_message, group_notice
/// (send_message: friend and group only), and for QQ sess_message and discuss_message as Openqq. Events: those in post_event_list when post_event is on.
/// </summary>
public static class WebhookFilter
{
    /// <summary>
    /// Mojo-Weixin's default post_event_list, plus this product's liveness events (offline, recovering, online),
    /// which Mojo does not have and which tell a dead account from a quiet one.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultEvents =
    [
        "login", "stop", "state_change", "input_qrcode", "new_group", "new_friend", "new_group_member", "lose_group",
        "lose_friend", "lose_group_member", "friend_request", "offline", "recovering", "online",
    ];

    public static bool Posts(WebhookSettings settings, AccountEvent e) => e.PostType switch
    {
        // Openqq also posts QQ's temporary-session (and discuss) messages; web WeChat has neither.
        AccountEvent.ReceiveMessage => e.Message?.Type is "friend_message" or "group_message" or "group_notice" or "sess_message" or "discuss_message",
        AccountEvent.SendMessage => e.Message?.Type is "friend_message" or "group_message" or "sess_message" or "discuss_message",
        AccountEvent.EventPost => settings.PostEvent
            && e.Event is { } name
            && (settings.PostEventList ?? DefaultEvents).Contains(name, StringComparer.Ordinal),
        _ => false,
    };

    /// <summary>
    /// Where a reply (text and/or Openwx's <c>media</c> URL) to the post goes, or null when the post cannot be
    /// answered: group notices, events, and non-text sends (as Mojo; the account's own sends get text only). Unlike Mojo, a reply to a message this API sent itself (a reply included) is
    /// ignored: Mojo loops forever there.
    /// </summary>
    public static ReplyRequest? ReplyTo(AccountEvent e, WebhookReply reply)
    {
        var text = reply.Text ?? "";
        var media = reply.MediaUrl;
        if (e.Message is not { } m || (text.Length == 0 && media is null) || m.Type == "group_notice")
        {
            return null;
        }
        var isGroup = m.Type == "group_message";
        // A discuss message is answered in its discuss, as Openqq's $msg->reply.
        var isDiscuss = m.Type == "discuss_message";
        string? target;
        if (e.PostType == AccountEvent.ReceiveMessage)
        {
            target = isGroup || isDiscuss ? m.GroupId : m.SenderId;
        }
        else if (e.PostType == AccountEvent.SendMessage && m.Format == "text" && m.From != "api")
        {
            // Mojo answers the account's own sends with text only.
            target = isGroup || isDiscuss ? m.GroupId : m.ReceiverId;
            media = null;
            if (text.Length == 0)
            {
                return null;
            }
        }
        else
        {
            return null;
        }
        // Openqq's shutup mutes the sender of a received group message, after the reply.
        var shutup = isGroup && e.PostType == AccountEvent.ReceiveMessage ? reply.Shutup : null;
        return string.IsNullOrEmpty(target)
            ? null
            : new ReplyRequest($"reply:{e.Id}", target, isGroup, text, media, shutup, shutup is null ? null : m.SenderId,
                m.Type == "sess_message" ? m.GroupId : null, isDiscuss);
    }
}
