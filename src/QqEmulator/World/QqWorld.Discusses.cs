using OpenWxCluster.QqEmulator.Events;

namespace OpenWxCluster.QqEmulator.World;

/// <summary>
/// Discuss groups (QQ merged them into groups in 2020; OneBot v11 still has their events and send_discuss_msg, and
/// implementations from the CoolQ era report them). No roles, no administration, no list action.
/// </summary>
public sealed partial class QqWorld
{
    private readonly Dictionary<long, QqDiscuss> _discusses = [];

    /// <summary>Creates a discuss group of existing users; nobody is told (OneBot has no discuss notice).</summary>
    public DiscussView CreateDiscuss(long discussId, string name, IReadOnlyList<long> memberIds)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        lock (_gate)
        {
            if (discussId <= 0 || _discusses.ContainsKey(discussId))
            {
                throw QqWorldException.Conflict($"discuss {discussId} exists or is not a positive id");
            }

            if (memberIds.Count < 2 || memberIds.Distinct().Count() != memberIds.Count)
            {
                throw QqWorldException.BadParameter("a discuss needs at least two distinct members");
            }

            foreach (var id in memberIds)
            {
                User(id);
            }

            var discuss = new QqDiscuss(discussId, name);
            discuss.Members.AddRange(memberIds);
            _discusses.Add(discussId, discuss);
            return View(discuss);
        }
    }

    public DiscussView? GetDiscuss(long discussId)
    {
        lock (_gate)
        {
            return _discusses.TryGetValue(discussId, out var d) ? View(d) : null;
        }
    }

    /// <summary>A member writes to a discuss group; every bot in it but the sender hears it.</summary>
    public QqMessage UserSendsDiscuss(long userId, long discussId, IReadOnlyList<MessageSegment> message)
    {
        lock (_gate)
        {
            return SayInDiscuss(userId, discussId, 0, message);
        }
    }

    /// <summary>The bot writes to a discuss group it is in; other bots in it hear it.</summary>
    public QqMessage BotSendsDiscuss(long selfId, long discussId, IReadOnlyList<MessageSegment> message)
    {
        lock (_gate)
        {
            var bot = OnlineBot(selfId);
            var msg = SayInDiscuss(selfId, discussId, selfId, message);
            bot.Sent.Add(msg);
            return msg;
        }
    }

    /// <summary>Stores the message (<paramref name="selfId"/> 0 when a user wrote it) and reports it to the other bots in the discuss.</summary>
    private QqMessage SayInDiscuss(long senderId, long discussId, long selfId, IReadOnlyList<MessageSegment> message)
    {
        var discuss = DiscussOf(discussId, senderId);
        var msg = Store(new QqMessage(NextId(), selfId, senderId, "discuss", 0, null, message, Now) { DiscussId = discussId });
        var sender = _users[senderId];
        foreach (var id in discuss.Members.Where(id => id != senderId))
        {
            EmitIfBot(id, OneBotEvents.DiscussMessage(id, msg, sender, messageFormat));
        }

        return msg;
    }

    /// <summary>A discuss the user is in: unknown discuss 100, a non-member 102 (as a group refuses outsiders).</summary>
    private QqDiscuss DiscussOf(long discussId, long userId)
    {
        var discuss = _discusses.GetValueOrDefault(discussId) ?? throw QqWorldException.NotFound($"discuss {discussId}");
        User(userId);
        return discuss.Members.Contains(userId)
            ? discuss
            : throw QqWorldException.NoPermission($"{userId} is not in discuss {discussId}");
    }

    private static DiscussView View(QqDiscuss d) => new(d.DiscussId, d.Name, [.. d.Members]);
}
