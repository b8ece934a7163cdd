using OpenWxCluster.QqProtocol;
using OpenWxCluster.QqProtocol.Events;
using OpenWxCluster.QqProtocol.Messages;

namespace OpenWxCluster.Grains.Qq;

/// <summary>
/// OneBot message events to the contract's <see cref="ChatMessage"/> in Mojo-Webqq's model: friend_message,
/// group_message, or sess_message (a private message from a group's temporary session); class recv, or send when
/// the account itself sent it from elsewhere. Content is Mojo text (faces as [微笑], images as [图片], @ as @name).
/// </summary>
internal static class QqMessages
{
    public static async Task<ChatMessage?> FromEventAsync(OneBotEvent e, ContactInfo? self, IGrainFactory grains, string key) => e switch
    {
        QqPrivateMessageEvent p => await PrivateAsync(p, self, grains, key),
        QqGroupMessageEvent g => await GroupAsync(g, self, grains, key),
        _ => null,
    };

    private static async Task<ChatMessage?> PrivateAsync(QqPrivateMessageEvent p, ContactInfo? self, IGrainFactory grains, string key)
    {
        var fromSelf = p.Sender.UserId == p.SelfId;
        if (fromSelf && p.UserId == p.SelfId)
        {
            return null; // a self-sent private message whose peer the event does not name
        }
        var peerId = QqContacts.Number(p.UserId);
        var friend = (await grains.ForKey<IFriendsGrain>(key).GetByIdsAsync([peerId])).FirstOrDefault()
            ?? new ContactInfo { Id = peerId, Uid = peerId, Account = peerId, Name = fromSelf ? "" : p.Sender.Nickname };
        var me = self ?? new ContactInfo { Id = QqContacts.Number(p.SelfId), Uid = QqContacts.Number(p.SelfId) };
        var message = Base(p.MessageId, p.Time, MojoMessageText.ToMojoText(p.Message), p.SubType == "group" ? "sess_message" : "friend_message", fromSelf);
        if (p.SubType == "group" && p.TempGroupId > 0)
        {
            // A temporary session names its group, so a reply can go back the same way.
            var groupId = QqContacts.Number(p.TempGroupId);
            var group = (await grains.ForKey<IGroupsGrain>(key).GetByIdsAsync([groupId])).FirstOrDefault()
                ?? new GroupInfo { Id = groupId, Uid = groupId };
            message = message with { GroupId = group.Id, GroupUid = group.Uid, Group = group.DisplayName, GroupName = group.Name };
        }
        var (sender, receiver) = fromSelf ? (me, friend) : (friend, me);
        return message with
        {
            SenderId = sender.Id,
            SenderUid = sender.Uid,
            Sender = sender.DisplayName,
            SenderAccount = sender.Account,
            SenderName = sender.Name,
            SenderMarkname = sender.Markname,
            SenderCategory = sender.Category,
            ReceiverId = receiver.Id,
            ReceiverUid = receiver.Uid,
            Receiver = receiver.DisplayName,
            ReceiverAccount = receiver.Account,
            ReceiverName = receiver.Name,
            ReceiverMarkname = receiver.Markname,
        };
    }

    private static async Task<ChatMessage> GroupAsync(QqGroupMessageEvent g, ContactInfo? self, IGrainFactory grains, string key)
    {
        var groupId = QqContacts.Number(g.GroupId);
        var group = (await grains.ForKey<IGroupsGrain>(key).GetByIdsAsync([groupId])).FirstOrDefault()
            ?? new GroupInfo { Id = groupId, Uid = groupId };
        var members = group.Members.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var senderId = QqContacts.Number(g.UserId);
        var sender = members.GetValueOrDefault(senderId)
            ?? QqContacts.Member(g.UserId, g.Sender.Nickname, g.Sender.Card, g.Sender.Role);
        var content = MojoMessageText.ToMojoText(g.Message, qq => members.GetValueOrDefault(QqContacts.Number(qq))?.DisplayName);
        var fromSelf = g.UserId == g.SelfId;
        var me = self ?? new ContactInfo { Id = QqContacts.Number(g.SelfId), Uid = QqContacts.Number(g.SelfId) };
        return Base(g.MessageId, g.Time, content, "group_message", fromSelf) with
        {
            SenderId = sender.Id,
            SenderUid = sender.Uid,
            Sender = sender.DisplayName,
            SenderAccount = sender.Account,
            SenderName = sender.Name,
            SenderMarkname = sender.Markname,
            ReceiverId = me.Id,
            ReceiverUid = me.Uid,
            Receiver = me.DisplayName,
            ReceiverAccount = me.Account,
            ReceiverName = me.Name,
            GroupId = group.Id,
            GroupUid = group.Uid,
            Group = group.DisplayName,
            GroupName = group.Name,
        };
    }

    /// <summary>A message this API sent: class send, from api, source local.</summary>
    public static ChatMessage Sent(long messageId, long time, string content, string type, ContactInfo? self, ContactInfo? to, GroupInfo? group)
    {
        var message = Base(messageId, time, content, type, fromSelf: true) with
        {
            Source = "local",
            From = "api",
            SenderId = self?.Id,
            SenderUid = self?.Uid,
            Sender = self?.DisplayName,
            SenderAccount = self?.Account,
            SenderName = self?.Name,
        };
        if (to is not null)
        {
            message = message with
            {
                ReceiverId = to.Id,
                ReceiverUid = to.Uid,
                Receiver = to.DisplayName,
                ReceiverAccount = to.Account,
                ReceiverName = to.Name,
                ReceiverMarkname = to.Markname,
            };
        }
        if (group is not null)
        {
            message = message with { GroupId = group.Id, GroupUid = group.Uid, Group = group.DisplayName, GroupName = group.Name };
        }
        return message;
    }

    internal static ChatMessage Base(long id, long time, string content, string type, bool fromSelf) => new()
    {
        Id = QqContacts.Number(id),
        Time = time,
        Content = content,
        Type = type,
        Class = fromSelf ? "send" : "recv",
        Format = "text",
        Source = fromSelf ? "outer" : "",
    };
}
