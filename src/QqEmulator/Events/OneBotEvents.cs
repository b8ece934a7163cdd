using System.Text.Json.Nodes;
using OpenWxCluster.QqEmulator.OneBot;
using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.QqEmulator.Events;

/// <summary>OneBot v11 event objects (event/*.md), with the fields NapCat fills.</summary>
public static class OneBotEvents
{
    public static JsonObject PrivateMessage(long selfId, QqMessage msg, QqUser sender, string format)
    {
        ArgumentNullException.ThrowIfNull(msg);
        ArgumentNullException.ThrowIfNull(sender);
        var evt = Message(selfId, msg, format, "private", msg.GroupId is null ? "friend" : "group");
        evt["user_id"] = msg.SenderId;
        var s = new JsonObject { ["user_id"] = sender.UserId, ["nickname"] = sender.Nickname, ["sex"] = sender.Sex, ["age"] = sender.Age };
        if (msg.GroupId is { } gid)
        {
            s["group_id"] = gid;
        }

        evt["sender"] = s;
        return evt;
    }

    public static JsonObject GroupMessage(long selfId, QqMessage msg, MemberView sender, string format)
    {
        ArgumentNullException.ThrowIfNull(msg);
        ArgumentNullException.ThrowIfNull(sender);
        var evt = Message(selfId, msg, format, "group", "normal");
        evt["group_id"] = msg.GroupId;
        evt["user_id"] = msg.SenderId;
        evt["anonymous"] = null;
        evt["sender"] = new JsonObject
        {
            ["user_id"] = sender.UserId,
            ["nickname"] = sender.Nickname,
            ["card"] = sender.Card,
            ["sex"] = sender.Sex,
            ["age"] = sender.Age,
            ["role"] = Role(sender.Role),
        };
        return evt;
    }

    /// <summary>message.discuss (OneBot v11 event/message.md): discuss_id, no sub_type, a sender without card or role.</summary>
    public static JsonObject DiscussMessage(long selfId, QqMessage msg, QqUser sender, string format)
    {
        ArgumentNullException.ThrowIfNull(msg);
        ArgumentNullException.ThrowIfNull(sender);
        var evt = Message(selfId, msg, format, "discuss", null);
        evt["discuss_id"] = msg.DiscussId;
        evt["user_id"] = msg.SenderId;
        evt["sender"] = new JsonObject { ["user_id"] = sender.UserId, ["nickname"] = sender.Nickname, ["sex"] = sender.Sex, ["age"] = sender.Age };
        return evt;
    }

    public static JsonObject GroupIncrease(long selfId, long time, long groupId, long userId, long operatorId) =>
        Notice(selfId, time, "group_increase", "approve", groupId, userId, operatorId);

    /// <summary>sub_type leave, kick or kick_me.</summary>
    public static JsonObject GroupDecrease(long selfId, long time, long groupId, long userId, long operatorId, string subType) =>
        Notice(selfId, time, "group_decrease", subType, groupId, userId, operatorId);

    public static JsonObject GroupBan(long selfId, long time, long groupId, long userId, long operatorId, long duration)
    {
        var evt = Notice(selfId, time, "group_ban", duration == 0 ? "lift_ban" : "ban", groupId, userId, operatorId);
        evt["duration"] = duration;
        return evt;
    }

    public static JsonObject GroupRecall(long selfId, long time, long groupId, long userId, long operatorId, int messageId)
    {
        var evt = Notice(selfId, time, "group_recall", null, groupId, userId, operatorId);
        evt["message_id"] = messageId;
        return evt;
    }

    /// <summary>go-cqhttp's group_card notice, which NapCat sends too; it has no operator.</summary>
    public static JsonObject GroupCard(long selfId, long time, long groupId, long userId, string cardNew, string cardOld)
    {
        var evt = Base(selfId, time, "notice", "notice_type", "group_card", userId);
        evt["group_id"] = groupId;
        evt["card_new"] = cardNew;
        evt["card_old"] = cardOld;
        return evt;
    }

    public static JsonObject FriendAdd(long selfId, long time, long userId) => Base(selfId, time, "notice", "notice_type", "friend_add", userId);

    public static JsonObject FriendRecall(long selfId, long time, long userId, int messageId)
    {
        var evt = Base(selfId, time, "notice", "notice_type", "friend_recall", userId);
        evt["message_id"] = messageId;
        return evt;
    }

    /// <summary>NapCat's extension: the account was logged out.</summary>
    public static JsonObject BotOffline(long selfId, long time)
    {
        var evt = Base(selfId, time, "notice", "notice_type", "bot_offline", selfId);
        evt["tag"] = "BotOfflineEvent";
        evt["message"] = "logged out";
        return evt;
    }

    /// <summary>NapCat reports <c>connect</c> on every adapter, HTTP POST included.</summary>
    public static JsonObject Lifecycle(long selfId, long time, string subType)
    {
        var evt = new JsonObject { ["time"] = time, ["self_id"] = selfId, ["post_type"] = "meta_event", ["meta_event_type"] = "lifecycle" };
        evt["sub_type"] = subType;
        return evt;
    }

    public static JsonObject Heartbeat(long selfId, long time, bool online, long intervalMs) => new()
    {
        ["time"] = time,
        ["self_id"] = selfId,
        ["post_type"] = "meta_event",
        ["meta_event_type"] = "heartbeat",
        ["status"] = new JsonObject { ["online"] = online, ["good"] = online },
        ["interval"] = intervalMs,
    };

    public static string Role(QqRole role) => role.ToString().ToLowerInvariant();

    private static JsonObject Message(long selfId, QqMessage msg, string format, string type, string? subType)
    {
        var raw = CqCode.Render(msg.Message);
        var evt = new JsonObject
        {
            ["time"] = msg.Time,
            ["self_id"] = selfId,
            ["post_type"] = "message",
            ["message_type"] = type,
            ["sub_type"] = subType,
            ["message_id"] = msg.MessageId,
            ["message"] = format == "string" ? raw : SegmentJson.ToJson(msg.Message),
            ["raw_message"] = raw,
            ["font"] = 0,
        };
        if (subType is null)
        {
            evt.Remove("sub_type");
        }

        return evt;
    }

    private static JsonObject Notice(long selfId, long time, string type, string? subType, long groupId, long userId, long operatorId)
    {
        var evt = Base(selfId, time, "notice", "notice_type", type, userId);
        if (subType is not null)
        {
            evt["sub_type"] = subType;
        }

        evt["group_id"] = groupId;
        evt["operator_id"] = operatorId;
        return evt;
    }

    private static JsonObject Base(long selfId, long time, string postType, string typeKey, string type, long userId) => new()
    {
        ["time"] = time,
        ["self_id"] = selfId,
        ["post_type"] = postType,
        [typeKey] = type,
        ["user_id"] = userId,
    };
}
