using OpenWxCluster.QqProtocol.Events;

namespace OpenWxCluster.Grains.Qq;

/// <summary>
/// OneBot notices as Mojo-Webqq events. Mojo-Webqq (SmartQQ) never reported mutes or recalls, so the names are the
/// nearest its users know: a mute is a member property change named after Openqq's own <c>shutup_time</c>, and a
/// recall is Openwx's revoke message (format <c>revoke</c>, <c>revoke_id</c>, content <c>[撤回消息](...)</c>), so
/// one consumer reads both platforms' recalls the same way.
/// </summary>
internal static class QqNotices
{
    /// <summary>
    /// Mojo's <c>group_member_property_change(member, property, old, new)</c> plus the group as a fifth parameter:
    /// Mojo-Webqq's member objects carried their group's gid/gnumber, ours do not. Mojo clients read the first four.
    /// </summary>
    public static IReadOnlyList<EventParam> MemberChange(ContactInfo member, string property, string old, string now, GroupInfo group) =>
        [EventParam.OfMember(member), EventParam.Of(property), EventParam.Of(old), EventParam.Of(now), EventParam.Of(group.Basic())];

    /// <summary>
    /// <c>shutup_time</c> in seconds as the new value (0 when lifted), the old one unknown (""): OneBot reports the
    /// change, not the state before. A whole-group mute (user 0) is <c>group_property_change</c> of the group.
    /// </summary>
    public static (string Name, IReadOnlyList<EventParam> Params) Ban(QqGroupBanEvent ban, GroupInfo group, ContactInfo member)
    {
        var seconds = ban.SubType == "lift_ban" ? "0" : QqContacts.Number(ban.DurationSeconds);
        return ban.UserId == 0
            ? ("group_property_change", [EventParam.Of(group.Basic()), EventParam.Of("shutup_time"), EventParam.Of(""), EventParam.Of(seconds)])
            : ("group_member_property_change", MemberChange(member, "shutup_time", "", seconds, group));
    }

    /// <summary>
    /// A recall as Openwx reports a revoke: sent by whoever recalled (<paramref name="op"/>), <c>revoke_id</c> the
    /// recalled message's id; the account's own recall is class send, source outer, as Mojo flips it. Its own id is
    /// <c>&lt;recalled id&gt;:recall</c>, stable across a resent notice.
    /// </summary>
    public static ChatMessage Recall(QqRecallEvent recall, ContactInfo op, ContactInfo author, ContactInfo me, GroupInfo? group)
    {
        var own = op.Id == me.Id;
        var text = op.Id == author.Id ? $"{op.DisplayName} 撤回了一条消息" : $"{op.DisplayName} 撤回了 {author.DisplayName} 的一条消息";
        var receiver = group is null ? (own ? author : me) : me;
        var message = new ChatMessage
        {
            Id = QqContacts.Number(recall.MessageId) + ":recall",
            Time = recall.Time,
            Content = $"[撤回消息]({text})",
            Type = group is null ? "friend_message" : "group_message",
            Class = own ? "send" : "recv",
            Format = "revoke",
            Source = own ? "outer" : "",
            Extra = new Dictionary<string, string>(StringComparer.Ordinal) { ["revoke_id"] = QqContacts.Number(recall.MessageId) },
            SenderId = op.Id,
            SenderUid = op.Uid,
            Sender = op.DisplayName,
            SenderAccount = op.Account,
            SenderName = op.Name,
            SenderMarkname = op.Markname,
            ReceiverId = receiver.Id,
            ReceiverUid = receiver.Uid,
            Receiver = receiver.DisplayName,
            ReceiverAccount = receiver.Account,
            ReceiverName = receiver.Name,
        };
        return group is null ? message : message with
        {
            GroupId = group.Id,
            GroupUid = group.Uid,
            Group = group.DisplayName,
            GroupName = group.Name,
        };
    }
}
