using OpenWxCluster.QqProtocol.Events;

namespace OpenWxCluster.Grains.Qq;

// The OneBot notices Mojo-Webqq users know under other names: a card change and a mute are
// group_member_property_change, a recall is Openwx's revoke message (see QqNotices).
public sealed partial class QqAccountGrain
{
    /// <summary>
    /// A group card changed: the cached member takes the new card, then group_member_property_change
    /// [member, "card", old, new, group]. The same card again (a resent notice, or our own cache already up to date)
    /// is no change and no event.
    /// </summary>
    private async Task CardChangedAsync(QqGroupCardEvent card)
    {
        var (group, member) = await MemberOfAsync(card.GroupId, card.UserId);
        var old = group.Members.Any(m => m.Id == member.Id) ? member.Display : card.CardOld;
        if (old == card.CardNew)
        {
            return;
        }
        var changed = member with { Display = card.CardNew };
        if (group.Members.Any(m => m.Id == member.Id))
        {
            group = group with { Members = [.. group.Members.Select(m => m.Id == member.Id ? changed : m)] };
            await GrainFactory.ForKey<IGroupsGrain>(Key).ApplyAsync([group], []);
        }
        Outbox.Add(AccountEvent.EventPost, "group_member_property_change",
            QqNotices.MemberChange(changed, "card", old, card.CardNew, group));
    }

    /// <summary>A mute set or lifted: see <see cref="QqNotices.Ban"/>.</summary>
    private async Task BannedAsync(QqGroupBanEvent ban)
    {
        var (group, member) = await MemberOfAsync(ban.GroupId, ban.UserId);
        var (name, parameters) = QqNotices.Ban(ban, group, member);
        Outbox.Add(AccountEvent.EventPost, name, parameters);
    }

    /// <summary>A recall: once per recalled message (its id is remembered negated beside the message ids).</summary>
    private async Task RecalledAsync(QqRecallEvent recall)
    {
        if (S.RecentMessageIds.Contains(-recall.MessageId))
        {
            return;
        }
        var message = recall.GroupId != 0
            ? await GroupRecallAsync(recall)
            : await FriendRecallAsync(recall);
        RememberMessageId(-recall.MessageId);
        EmitMessage(message);
    }

    private async Task<ChatMessage> GroupRecallAsync(QqRecallEvent recall)
    {
        var (group, op) = await MemberOfAsync(recall.GroupId, recall.OperatorId);
        var author = recall.UserId == recall.OperatorId ? op : (await MemberOfAsync(recall.GroupId, recall.UserId)).Member;
        return QqNotices.Recall(recall, op, author, Me(), group);
    }

    private async Task<ChatMessage> FriendRecallAsync(QqRecallEvent recall)
    {
        var id = QqContacts.Number(recall.UserId);
        var friend = (await GrainFactory.ForKey<IFriendsGrain>(Key).GetByIdsAsync([id])).FirstOrDefault()
            ?? new ContactInfo { Id = id, Uid = id, Account = id };
        return QqNotices.Recall(recall, friend, friend, Me(), group: null);
    }

    private ContactInfo Me() => S.User ?? QqContacts.Member(S.SelfId);

    /// <summary>The cached group (or one known by number only) and the member in it (or known by number only).</summary>
    private async Task<(GroupInfo Group, ContactInfo Member)> MemberOfAsync(long groupId, long userId)
    {
        var id = QqContacts.Number(groupId);
        var group = (await GrainFactory.ForKey<IGroupsGrain>(Key).GetByIdsAsync([id])).FirstOrDefault()
            ?? new GroupInfo { Id = id, Uid = id };
        var memberId = QqContacts.Number(userId);
        return (group, group.Members.FirstOrDefault(m => m.Id == memberId) ?? QqContacts.Member(userId));
    }
}
