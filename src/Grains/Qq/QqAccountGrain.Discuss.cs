using OpenWxCluster.QqProtocol.Events;
using OpenWxCluster.QqProtocol.Messages;

namespace OpenWxCluster.Grains.Qq;

// Discuss groups (讨论组). QQ merged them into groups in 2020 and NapCat has none, but OneBot v11 keeps their
// message event and send_discuss_msg, and CoolQ-era implementations still report them. OneBot cannot list them, so
// the account learns each from its messages (QqDiscussBook) and keeps it in its state, surviving a move or restart.
public sealed partial class QqAccountGrain
{
    public Task<IReadOnlyList<GroupInfo>> GetDiscussesAsync() => Task.FromResult<IReadOnlyList<GroupInfo>>([.. S.Discusses]);

    public async Task<SendReceipt> SendDiscussTextAsync(GroupLookup discuss, string content, string? idempotencyKey = null)
    {
        if (NotRunning() is { } refused)
        {
            return refused;
        }
        var found = QqDiscussBook.Find(S.Discusses, discuss);
        return found is null
            ? new SendReceipt(null, QqSendCodes.DiscussNotFound, "discuss not found")
            : await SendAsync(idempotencyKey, content, "discuss_message", null, found,
                (segments, ct) => Client.SendDiscussMsgAsync(QqContacts.Number(found.Uid), segments, ct));
    }

    /// <summary>
    /// OneBot has no temporary session through a discuss (send_private_msg's group_id names a group), so this is a
    /// plain send_private_msg to the member: it reaches a friend, or a stranger where the implementation allows
    /// that; otherwise the implementation's refusal is answered (code -3).
    /// </summary>
    public async Task<SendReceipt> SendDiscussSessTextAsync(GroupLookup discuss, string memberId, string content, string? idempotencyKey = null)
    {
        if (NotRunning() is { } refused)
        {
            return refused;
        }
        var member = QqDiscussBook.Find(S.Discusses, discuss)?.Members.FirstOrDefault(m => m.Id == memberId || m.Uid == memberId);
        return member is null
            ? new SendReceipt(null, QqSendCodes.DiscussMemberNotFound, "discuss member not found")
            : await SendAsync(idempotencyKey, content, "sess_message", member, null,
                (segments, ct) => Client.SendPrivateMsgAsync(QqContacts.Number(member.Uid), segments, ct));
    }

    /// <summary>Learns the discuss and its speaker (saved with the event), then the message with the discuss as its group.</summary>
    private ChatMessage HeardInDiscuss(QqDiscussMessageEvent d)
    {
        var fromSelf = d.UserId == d.SelfId;
        var me = S.User ?? QqContacts.Member(d.SelfId);
        var sender = fromSelf ? me : QqContacts.Member(d.UserId, d.Sender.Nickname) with { Role = "" };
        var discuss = QqDiscussBook.Heard(S.Discusses, QqContacts.Number(d.DiscussId), sender, _options.MaxDiscusses, _options.MaxDiscussMembers);
        var members = discuss.Members.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var content = MojoMessageText.ToMojoText(d.Message, qq => members.GetValueOrDefault(QqContacts.Number(qq))?.DisplayName);
        return QqMessages.Base(d.MessageId, d.Time, content, "discuss_message", fromSelf) with
        {
            SenderId = sender.Id,
            SenderUid = sender.Uid,
            Sender = sender.DisplayName,
            SenderAccount = sender.Account,
            SenderName = sender.Name,
            ReceiverId = me.Id,
            ReceiverUid = me.Uid,
            Receiver = me.DisplayName,
            ReceiverAccount = me.Account,
            ReceiverName = me.Name,
            GroupId = discuss.Id,
            GroupUid = discuss.Uid,
            Group = discuss.DisplayName,
            GroupName = discuss.Name,
        };
    }
}
