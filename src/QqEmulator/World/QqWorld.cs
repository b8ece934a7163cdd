using System.Text.Json.Nodes;
using OpenWxCluster.QqEmulator.Events;

namespace OpenWxCluster.QqEmulator.World;

/// <summary>
/// The emulated QQ world: users, bots, friendships, groups and messages. One lock guards everything, and events are
/// handed to the sink under it, so a bot sees them in the order the world changed.
/// </summary>
public sealed partial class QqWorld(IQqEventSink sink, string messageFormat = "array")
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, QqUser> _users = [];
    private readonly Dictionary<long, QqBot> _bots = [];
    private readonly HashSet<(long, long)> _friendships = [];
    private readonly Dictionary<long, QqGroup> _groups = [];
    private readonly Dictionary<int, QqMessage> _messages = [];
    private int _nextMessageId = 1000;

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public QqUser CreateUser(QqUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate)
        {
            if (user.UserId <= 0 || !_users.TryAdd(user.UserId, user))
            {
                throw QqWorldException.Conflict($"user {user.UserId} exists or is not a positive id");
            }

            return user;
        }
    }

    public QqUser? GetUser(long userId)
    {
        lock (_gate)
        {
            return _users.GetValueOrDefault(userId);
        }
    }

    /// <summary>Makes <paramref name="selfId"/> (created as a user if new) a bot, online, and reports lifecycle connect.</summary>
    public QqBot CreateBot(long selfId, string nickname)
    {
        lock (_gate)
        {
            if (_bots.ContainsKey(selfId))
            {
                throw QqWorldException.Conflict($"bot {selfId} exists");
            }

            _users.TryAdd(selfId, new QqUser(selfId, nickname));
            var bot = new QqBot(selfId);
            _bots.Add(selfId, bot);
            sink.Emit(selfId, OneBotEvents.Lifecycle(selfId, Now, "connect"));
            return bot;
        }
    }

    /// <summary>The bot a path without self id addresses: the first one created.</summary>
    public long? DefaultBotId
    {
        get
        {
            lock (_gate)
            {
                return _bots.Count == 0 ? null : _bots.Keys.First();
            }
        }
    }

    public IReadOnlyList<long> OnlineBots()
    {
        lock (_gate)
        {
            return [.. _bots.Values.Where(b => b.Online).Select(b => b.SelfId)];
        }
    }

    /// <summary>Takes a bot offline (reported as NapCat's bot_offline notice, its last event) or back online (lifecycle connect).</summary>
    public void SetOnline(long selfId, bool online)
    {
        lock (_gate)
        {
            var bot = Bot(selfId);
            if (bot.Online == online)
            {
                return;
            }

            if (online)
            {
                bot.Online = true;
                sink.Emit(selfId, OneBotEvents.Lifecycle(selfId, Now, "connect"));
            }
            else
            {
                sink.Emit(selfId, OneBotEvents.BotOffline(selfId, Now));
                bot.Online = false;
            }
        }
    }

    public bool IsBot(long userId)
    {
        lock (_gate)
        {
            return _bots.ContainsKey(userId);
        }
    }

    public bool IsOnline(long selfId)
    {
        lock (_gate)
        {
            return Bot(selfId).Online;
        }
    }

    public IReadOnlyList<QqMessage> SentBy(long selfId)
    {
        lock (_gate)
        {
            return [.. Bot(selfId).Sent];
        }
    }

    /// <summary>Befriends two users; a bot among them gets friend_add.</summary>
    public void CreateFriendship(long a, long b)
    {
        lock (_gate)
        {
            User(a);
            User(b);
            if (a == b || !_friendships.Add(Pair(a, b)))
            {
                throw QqWorldException.Conflict($"{a} and {b} are already friends or the same user");
            }

            EmitIfBot(a, OneBotEvents.FriendAdd(a, Now, b));
            EmitIfBot(b, OneBotEvents.FriendAdd(b, Now, a));
        }
    }

    public bool AreFriends(long a, long b)
    {
        lock (_gate)
        {
            return _friendships.Contains(Pair(a, b));
        }
    }

    public IReadOnlyList<QqUser> FriendsOf(long selfId)
    {
        lock (_gate)
        {
            return [.. _friendships.Where(p => p.Item1 == selfId || p.Item2 == selfId)
                .Select(p => _users[p.Item1 == selfId ? p.Item2 : p.Item1]).OrderBy(u => u.UserId)];
        }
    }

    private static (long, long) Pair(long a, long b) => a < b ? (a, b) : (b, a);

    private QqUser User(long userId) => _users.GetValueOrDefault(userId) ?? throw QqWorldException.NotFound($"user {userId}");

    private QqBot Bot(long selfId) => _bots.GetValueOrDefault(selfId) ?? throw QqWorldException.NotFound($"bot {selfId}");

    /// <summary>Offline bots hear nothing: NapCat reports no events while logged out.</summary>
    private void EmitIfBot(long userId, JsonObject evt)
    {
        if (_bots.TryGetValue(userId, out var bot) && bot.Online)
        {
            sink.Emit(userId, evt);
        }
    }

    private QqBot OnlineBot(long selfId)
    {
        var bot = Bot(selfId);
        return bot.Online ? bot : throw QqWorldException.Offline(selfId);
    }
}
