using System.Text.Json.Nodes;
using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.QqEmulator.OneBot;

/// <summary>
/// The actions (api/public.md) over the world, each answering its <c>data</c>. Every action but get_status needs the
/// bot online (<see cref="QqWorldException.Offline"/>: retcode 104).
/// </summary>
internal static partial class OneBotActions
{
    private static readonly Dictionary<string, Func<QqWorld, long, ActionParameters, JsonNode?>> Actions = new(StringComparer.Ordinal)
    {
        ["get_login_info"] = LoginInfo,
        ["get_status"] = Status,
        ["get_friend_list"] = FriendList,
        ["get_friends_with_category"] = FriendsWithCategory,
        ["get_group_list"] = GroupList,
        ["get_group_info"] = GroupInfo,
        ["get_group_member_list"] = MemberList,
        ["get_group_member_info"] = MemberInfo,
        ["get_stranger_info"] = StrangerInfo,
        ["send_private_msg"] = SendPrivate,
        ["send_group_msg"] = SendGroup,
        ["send_discuss_msg"] = SendDiscuss,
        ["send_msg"] = Send,
        ["delete_msg"] = DeleteMsg,
        ["get_msg"] = GetMsg,
        ["set_group_ban"] = GroupBan,
        ["set_group_kick"] = GroupKick,
        ["set_group_card"] = GroupCard,
    };

    /// <summary><c>_async</c> and <c>_rate_limited</c> variants answer <c>async</c>/1 (api/README.md); here the action is done before the answer.</summary>
    private static readonly string[] Suffixes = ["_async", "_rate_limited"];

    /// <summary>A known action that this implementation has not switched off (<see cref="QqEmulatorOptions.UnsupportedActions"/>).</summary>
    public static bool Exists(string action, QqEmulatorOptions options) =>
        Actions.ContainsKey(Base(action)) && !options.UnsupportedActions.Contains(Base(action));

    private static string Base(string action) =>
        Suffixes.FirstOrDefault(s => action.EndsWith(s, StringComparison.Ordinal)) is { } suffix ? action[..^suffix.Length] : action;

    private static JsonNode? Run(string action, QqWorld world, long selfId, ActionParameters p)
    {
        if (action != "get_status" && !world.IsOnline(selfId))
        {
            throw QqWorldException.Offline(selfId);
        }

        return Actions[action](world, selfId, p);
    }

    /// <summary>Runs a known action and wraps the outcome in the envelope; refusals become <c>failed</c> with their retcode.</summary>
    public static JsonObject Envelope(string action, QqWorld world, long? selfId, ActionParameters p)
    {
        try
        {
            var data = Run(Base(action), world, selfId ?? throw QqWorldException.NotFound("bot"), p);
            return Base(action) == action
                ? new JsonObject { ["status"] = "ok", ["retcode"] = 0, ["data"] = data }
                : new JsonObject { ["status"] = "async", ["retcode"] = 1, ["data"] = null };
        }
        catch (QqWorldException e)
        {
            return new JsonObject { ["status"] = "failed", ["retcode"] = e.Retcode, ["data"] = null, ["message"] = e.Message, ["wording"] = e.Message };
        }
    }

    private static JsonNode? Status(QqWorld world, long selfId, ActionParameters p)
    {
        var online = world.IsOnline(selfId);
        return new JsonObject { ["online"] = online, ["good"] = online };
    }

    private static JsonNode? LoginInfo(QqWorld world, long selfId, ActionParameters p) =>
        new JsonObject { ["user_id"] = selfId, ["nickname"] = world.GetUser(selfId)?.Nickname ?? "" };

    private static JsonNode? FriendList(QqWorld world, long selfId, ActionParameters p) =>
        new JsonArray([.. world.FriendsOf(selfId).Select(u => (JsonNode)new JsonObject
        {
            ["user_id"] = u.UserId,
            ["nickname"] = u.Nickname,
            ["remark"] = "",
        })]);

    private static JsonNode? StrangerInfo(QqWorld world, long selfId, ActionParameters p)
    {
        var user = world.GetUser(p.Long("user_id")) ?? throw QqWorldException.NotFound($"user {p.Long("user_id")}");
        return new JsonObject { ["user_id"] = user.UserId, ["nickname"] = user.Nickname, ["sex"] = user.Sex, ["age"] = user.Age };
    }

    private static JsonNode? GroupList(QqWorld world, long selfId, ActionParameters p) =>
        new JsonArray([.. world.GroupsOf(selfId).Select(g => (JsonNode)GroupJson(g))]);

    private static JsonNode? GroupInfo(QqWorld world, long selfId, ActionParameters p)
    {
        var id = p.Long("group_id");
        return GroupJson(world.GetGroup(id) ?? throw QqWorldException.NotFound($"group {id}"));
    }

    private static JsonNode? MemberList(QqWorld world, long selfId, ActionParameters p) =>
        new JsonArray([.. world.Members(BotGroup(world, selfId, p)).Select(m => (JsonNode)MemberJson(m))]);

    private static JsonNode? MemberInfo(QqWorld world, long selfId, ActionParameters p)
    {
        var groupId = BotGroup(world, selfId, p);
        var userId = p.Long("user_id");
        return MemberJson(world.GetMember(groupId, userId) ?? throw QqWorldException.NotFound($"member {userId} of group {groupId}"));
    }

    /// <summary>A group the bot is in: members are visible only from inside.</summary>
    private static long BotGroup(QqWorld world, long selfId, ActionParameters p)
    {
        var groupId = p.Long("group_id");
        _ = world.GetMember(groupId, selfId) ?? throw QqWorldException.NotFound($"group {groupId} of bot {selfId}");
        return groupId;
    }

    private static JsonObject GroupJson(GroupView g) => new()
    {
        ["group_id"] = g.GroupId,
        ["group_name"] = g.GroupName,
        ["member_count"] = g.MemberCount,
        ["max_member_count"] = g.MaxMemberCount,
    };

    private static JsonObject MemberJson(MemberView m) => new()
    {
        ["group_id"] = m.GroupId,
        ["user_id"] = m.UserId,
        ["nickname"] = m.Nickname,
        ["card"] = m.Card,
        ["sex"] = m.Sex,
        ["age"] = m.Age,
        ["area"] = "",
        ["join_time"] = m.JoinTime,
        ["last_sent_time"] = m.LastSentTime,
        ["level"] = "1",
        ["role"] = Events.OneBotEvents.Role(m.Role),
        ["unfriendly"] = false,
        ["title"] = "",
        ["title_expire_time"] = 0,
        ["card_changeable"] = m.Role != QqRole.Owner,
        ["shut_up_timestamp"] = m.BannedUntil > DateTimeOffset.UtcNow.ToUnixTimeSeconds() ? m.BannedUntil : 0,
    };
}
