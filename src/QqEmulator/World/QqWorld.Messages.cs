using OpenWxCluster.QqEmulator.Events;

namespace OpenWxCluster.QqEmulator.World;

/// <summary>Messages between users, groups and bots, and their recall.</summary>
public sealed partial class QqWorld
{
    /// <summary>
    /// A user writes privately to a bot: as a friend, or, with <paramref name="viaGroupId"/>, as a temp session from a
    /// group both are in. An offline bot does not hear it (NapCat reports nothing while logged out).
    /// </summary>
    public QqMessage UserSendsPrivate(long userId, long selfId, IReadOnlyList<MessageSegment> message, long? viaGroupId = null)
    {
        lock (_gate)
        {
            Bot(selfId);
            var sender = User(userId);
            CheckPrivateRoute(userId, selfId, viaGroupId);
            var msg = Store(new QqMessage(NextId(), selfId, userId, "private", userId, viaGroupId, message, Now));
            EmitIfBot(selfId, OneBotEvents.PrivateMessage(selfId, msg, sender, messageFormat));
            return msg;
        }
    }

    /// <summary>A user writes to a group; every bot in it but the sender hears it.</summary>
    public QqMessage UserSendsGroup(long userId, long groupId, IReadOnlyList<MessageSegment> message)
    {
        lock (_gate)
        {
            var group = Group(groupId);
            var member = Speaker(group, userId);
            var msg = Store(new QqMessage(NextId(), 0, userId, "group", 0, groupId, message, Now));
            var sender = View(groupId, member);
            foreach (var id in group.Members.Keys.Where(id => id != userId))
            {
                EmitIfBot(id, OneBotEvents.GroupMessage(id, msg, sender, messageFormat));
            }

            return msg;
        }
    }

    /// <summary>The bot writes to a friend, or to a group member through <paramref name="viaGroupId"/> (temp session).</summary>
    public QqMessage BotSendsPrivate(long selfId, long userId, IReadOnlyList<MessageSegment> message, long? viaGroupId = null)
    {
        lock (_gate)
        {
            var bot = OnlineBot(selfId);
            User(userId);
            CheckPrivateRoute(userId, selfId, viaGroupId);
            var msg = Store(new QqMessage(NextId(), selfId, selfId, "private", userId, viaGroupId, message, Now));
            bot.Sent.Add(msg);
            return msg;
        }
    }

    /// <summary>The bot writes to a group it is in and is not banned from; other bots in the group hear it.</summary>
    public QqMessage BotSendsGroup(long selfId, long groupId, IReadOnlyList<MessageSegment> message)
    {
        lock (_gate)
        {
            var bot = OnlineBot(selfId);
            var group = Group(groupId);
            var member = Speaker(group, selfId);
            var msg = Store(new QqMessage(NextId(), selfId, selfId, "group", 0, groupId, message, Now));
            bot.Sent.Add(msg);
            var sender = View(groupId, member);
            foreach (var id in group.Members.Keys.Where(id => id != selfId))
            {
                EmitIfBot(id, OneBotEvents.GroupMessage(id, msg, sender, messageFormat));
            }

            return msg;
        }
    }

    /// <summary>
    /// Recalls a message: its sender may, and in a group an admin or owner above the sender. A recalled group message
    /// is reported to every bot in the group (group_recall); a private one to the bot when the user recalled (friend_recall).
    /// </summary>
    public void Recall(int messageId, long operatorId)
    {
        lock (_gate)
        {
            var msg = _messages.GetValueOrDefault(messageId) ?? throw QqWorldException.NotFound($"message {messageId}");
            if (msg.Recalled)
            {
                throw QqWorldException.Conflict($"message {messageId} is already recalled");
            }

            if (msg.MessageType == "group")
            {
                var group = Group(msg.GroupId!.Value);
                if (operatorId != msg.SenderId)
                {
                    Outranks(group, operatorId, Member(group, msg.SenderId));
                }

                msg.Recalled = true;
                foreach (var id in group.Members.Keys)
                {
                    EmitIfBot(id, OneBotEvents.GroupRecall(id, Now, group.GroupId, msg.SenderId, operatorId, messageId));
                }

                return;
            }

            if (operatorId != msg.SenderId)
            {
                throw QqWorldException.NoPermission($"{operatorId} did not send message {messageId}");
            }

            msg.Recalled = true;
            if (msg.SenderId != msg.SelfId)
            {
                EmitIfBot(msg.SelfId, OneBotEvents.FriendRecall(msg.SelfId, Now, msg.SenderId, messageId));
            }
        }
    }

    public QqMessage? GetMessage(int messageId)
    {
        lock (_gate)
        {
            return _messages.GetValueOrDefault(messageId);
        }
    }

    private int NextId() => ++_nextMessageId;

    private QqMessage Store(QqMessage msg)
    {
        if (msg.Message.Count == 0)
        {
            throw QqWorldException.BadParameter("the message is empty");
        }

        _messages.Add(msg.MessageId, msg);
        return msg;
    }

    private void CheckPrivateRoute(long userId, long selfId, long? viaGroupId)
    {
        if (viaGroupId is { } gid)
        {
            var group = Group(gid);
            Member(group, userId);
            Member(group, selfId);
        }
        else if (!_friendships.Contains(Pair(userId, selfId)))
        {
            throw QqWorldException.NoPermission($"{userId} and {selfId} are not friends");
        }
    }

    /// <summary>A member allowed to speak: banned members are refused, as QQ does.</summary>
    private static QqMember Speaker(QqGroup group, long userId)
    {
        var member = Member(group, userId);
        if (member.BannedUntil > Now)
        {
            throw QqWorldException.NoPermission($"{userId} is banned in group {group.GroupId}");
        }

        member.LastSentTime = Now;
        return member;
    }
}
