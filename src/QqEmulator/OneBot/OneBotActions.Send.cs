using System.Text.Json.Nodes;
using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.QqEmulator.OneBot;

/// <summary>Sending, recalling and group administration.</summary>
internal static partial class OneBotActions
{
    /// <summary>With group_id as well, a temp session through that group (NapCat's extension).</summary>
    private static JsonNode? SendPrivate(QqWorld world, long selfId, ActionParameters p) =>
        Receipt(world.BotSendsPrivate(selfId, p.Long("user_id"), p.Message(), p.OptionalLong("group_id")));

    private static JsonNode? SendGroup(QqWorld world, long selfId, ActionParameters p) =>
        Receipt(world.BotSendsGroup(selfId, p.Long("group_id"), p.Message()));

    private static JsonNode? SendDiscuss(QqWorld world, long selfId, ActionParameters p) =>
        Receipt(world.BotSendsDiscuss(selfId, p.Long("discuss_id"), p.Message()));

    /// <summary>message_type decides; without it group_id means a group, discuss_id a discuss, else user_id a private chat.</summary>
    private static JsonNode? Send(QqWorld world, long selfId, ActionParameters p) => p.String("message_type") switch
    {
        "private" => SendPrivate(world, selfId, p),
        "group" => SendGroup(world, selfId, p),
        "discuss" => SendDiscuss(world, selfId, p),
        null when p["group_id"] is not null => SendGroup(world, selfId, p),
        null when p["discuss_id"] is not null => SendDiscuss(world, selfId, p),
        null when p["user_id"] is not null => SendPrivate(world, selfId, p),
        _ => throw QqWorldException.BadParameter("message_type must be private, group or discuss, or give user_id, group_id or discuss_id"),
    };

    /// <summary>A message the bot sent or could see (its chats, its groups).</summary>
    private static JsonNode? GetMsg(QqWorld world, long selfId, ActionParameters p)
    {
        var id = p.Long("message_id");
        var msg = (id is > int.MaxValue or < int.MinValue ? null : world.GetMessage((int)id)) ?? throw QqWorldException.NotFound($"message {id}");
        var visible = msg.GroupId is { } gid && msg.MessageType == "group" ? world.GetMember(gid, selfId) is not null : msg.SelfId == selfId;
        if (!visible)
        {
            throw QqWorldException.NotFound($"message {id}");
        }

        var sender = world.GetUser(msg.SenderId);
        return new JsonObject
        {
            ["time"] = msg.Time,
            ["message_type"] = msg.MessageType,
            ["message_id"] = msg.MessageId,
            ["real_id"] = msg.MessageId,
            ["sender"] = new JsonObject { ["user_id"] = msg.SenderId, ["nickname"] = sender?.Nickname ?? "" },
            ["message"] = SegmentJson.ToJson(msg.Message),
            ["raw_message"] = CqCode.Render(msg.Message),
        };
    }

    private static JsonNode? DeleteMsg(QqWorld world, long selfId, ActionParameters p)
    {
        var id = p.Long("message_id");
        world.Recall(id is > int.MaxValue or < int.MinValue ? throw QqWorldException.NotFound($"message {id}") : (int)id, selfId);
        return null;
    }

    /// <summary>duration in seconds, 30 minutes by default, 0 lifts the ban.</summary>
    private static JsonNode? GroupBan(QqWorld world, long selfId, ActionParameters p)
    {
        world.Ban(p.Long("group_id"), p.Long("user_id"), selfId, p.OptionalLong("duration") ?? 30 * 60);
        return null;
    }

    private static JsonNode? GroupKick(QqWorld world, long selfId, ActionParameters p)
    {
        world.RemoveMember(p.Long("group_id"), p.Long("user_id"), selfId);
        return null;
    }

    private static JsonNode? GroupCard(QqWorld world, long selfId, ActionParameters p)
    {
        world.SetCard(p.Long("group_id"), p.Long("user_id"), selfId, p.String("card") ?? "");
        return null;
    }

    private static JsonObject Receipt(QqMessage msg) => new() { ["message_id"] = msg.MessageId };
}
