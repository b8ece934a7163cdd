using System.Text.Json.Nodes;
using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.QqEmulator.OneBot;

/// <summary>
/// The quick operation a HTTP POST answer may carry (http-post.md): for messages <c>reply</c> (+ <c>auto_escape</c>),
/// in groups also <c>at_sender</c> (default true), <c>delete</c>, <c>kick</c>, <c>ban</c> (+ <c>ban_duration</c>, default
/// 30 min). Done as the bot; a refused part (e.g. no permission) is skipped, as implementations only log it.
/// </summary>
public static class QuickOperation
{
    public static IReadOnlyList<string> Apply(QqWorld world, long selfId, JsonObject evt, JsonObject op)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(op);
        var refused = new List<string>();
        if (evt["post_type"]?.GetValue<string>() != "message")
        {
            return refused;
        }

        var p = new ActionParameters(op.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone()));
        var userId = evt["user_id"]!.GetValue<long>();
        var groupId = evt["message_type"]?.GetValue<string>() == "group" ? evt["group_id"]!.GetValue<long>() : (long?)null;
        Try(refused, () =>
        {
            if (op["reply"] is null)
            {
                return;
            }

            var reply = SegmentJson.Parse(op["reply"], p.Bool("auto_escape"));
            if (evt["message_type"]?.GetValue<string>() == "discuss")
            {
                // A discuss reply goes to the discuss (at_sender as in groups, event/message.md).
                world.BotSendsDiscuss(selfId, evt["discuss_id"]!.GetValue<long>(), p.Bool("at_sender", fallback: true) ? [At(userId), MessageSegment.Text(" "), .. reply] : reply);
                return;
            }

            if (groupId is not { } gid)
            {
                var temp = evt["sub_type"]?.GetValue<string>() == "group" ? evt["sender"]?["group_id"]?.GetValue<long>() : null;
                world.BotSendsPrivate(selfId, userId, reply, temp);
                return;
            }

            if (p.Bool("at_sender", fallback: true))
            {
                reply = [At(userId), MessageSegment.Text(" "), .. reply];
            }

            world.BotSendsGroup(selfId, gid, reply);
        });
        if (groupId is { } group)
        {
            Try(refused, () =>
            {
                if (p.Bool("delete"))
                {
                    world.Recall(evt["message_id"]!.GetValue<int>(), selfId);
                }
            });
            Try(refused, () =>
            {
                if (p.Bool("kick"))
                {
                    world.RemoveMember(group, userId, selfId);
                }
                else if (p.Bool("ban"))
                {
                    world.Ban(group, userId, selfId, p.OptionalLong("ban_duration") ?? 30 * 60);
                }
            });
        }

        return refused;
    }

    private static MessageSegment At(long userId) =>
        new("at", new Dictionary<string, string> { ["qq"] = userId.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static void Try(List<string> refused, Action part)
    {
        try
        {
            part();
        }
        catch (QqWorldException e)
        {
            refused.Add(e.Message);
        }
    }
}
