using OpenWxCluster.Grains.Contacts;
using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Account;

// Contact updates from webwxsync (ModContactList/DelContactList) and batch fetches → the contact grains → Mojo's
// contact events. The initial load at login replaces the lists without events, as Mojo posts none for it.
public sealed partial class AccountGrain
{
    /// <summary>One sync batch's contact lists: the user's own entry, friends and groups, one grain call each.</summary>
    private async Task ApplyContactListsAsync(IReadOnlyList<WxContact> modified, IReadOnlyList<string> deleted)
    {
        var self = _session!.UserName;
        foreach (var entry in modified.Where(c => c.UserName == self))
        {
            UpdateUser(entry);
        }
        await ApplyContactChangesAsync(
            [.. modified.Where(c => !c.IsGroup && c.UserName != self).Select(ContactMapper.ToFriend)],
            [.. modified.Where(c => c.IsGroup).Select(ContactMapper.ToGroup)],
            [.. deleted.Where(id => id != self)]);
    }

    /// <summary>The user's own profile changed upstream: update_user with the new user, when something changed.</summary>
    private void UpdateUser(WxContact entry)
    {
        var user = ContactMapper.ToUser(entry);
        if (user != state.State.User)
        {
            AnnounceUser(user);
        }
    }

    /// <summary>
    /// Mojo's <c>update_user([user])</c>, also at every login's contact load. Like Mojo's other update_* events it is
    /// never queued for check_event's list and is off in the default post_event_list.
    /// </summary>
    private void AnnounceUser(ContactInfo user)
    {
        state.State.User = user;
        Emit(AccountEvent.EventPost, "update_user", [EventParam.Of(user)]);
    }

    public Task ContactsChangedAsync()
    {
        _contacts?.Forget();
        return Task.CompletedTask;
    }

    private async Task ApplyContactChangesAsync(IReadOnlyList<ContactInfo> friends, IReadOnlyList<GroupInfo> groups, IReadOnlyList<string> deleted)
    {
        var deletedGroups = deleted.Where(IsGroupId).ToList();
        var deletedFriends = deleted.Except(deletedGroups).ToList();
        if (friends.Count + deletedFriends.Count > 0)
        {
            var changes = await Contacts.ApplyFriendsAsync(friends, deletedFriends);
            EmitFriendEvents(friends, changes);
        }
        if (groups.Count + deletedGroups.Count > 0)
        {
            var changes = await Contacts.ApplyGroupsAsync(groups, deletedGroups);
            EmitGroupEvents(groups, changes);
        }
    }

    private void EmitFriendEvents(IReadOnlyList<ContactInfo> friends, ContactChanges changes)
    {
        foreach (var f in friends.Where(f => changes.Added.Contains(f.Id)))
        {
            Emit(AccountEvent.EventPost, "new_friend", [EventParam.Of(f)]);
        }
        EmitPropertyChanges(changes);
        foreach (var f in changes.RemovedFriends)
        {
            Emit(AccountEvent.EventPost, "lose_friend", [EventParam.Of(f)]);
        }
    }

    private void EmitGroupEvents(IReadOnlyList<GroupInfo> groups, ContactChanges changes)
    {
        foreach (var g in groups.Where(g => changes.Added.Contains(g.Id)))
        {
            Emit(AccountEvent.EventPost, "new_group", [EventParam.Of(g)]);
        }
        // Each member event names the group without its member list: a 500-member group would otherwise repeat
        // 500 members in each of its member events (Mojo does, by a bug the reference notes).
        foreach (var joined in changes.MembersJoined)
        {
            Emit(AccountEvent.EventPost, "new_group_member", [EventParam.OfMember(joined.Member), EventParam.Of(joined.Group)]);
        }
        foreach (var left in changes.MembersLeft)
        {
            Emit(AccountEvent.EventPost, "lose_group_member", [EventParam.OfMember(left.Member), EventParam.Of(left.Group)]);
        }
        EmitPropertyChanges(changes);
        foreach (var g in changes.RemovedGroups)
        {
            Emit(AccountEvent.EventPost, "lose_group", [EventParam.Of(g)]);
        }
    }

    /// <summary>Mojo's <c>*_property_change(object, property, old, new)</c>, the object as it is after the change.</summary>
    private void EmitPropertyChanges(ContactChanges changes)
    {
        foreach (var c in changes.Properties)
        {
            var (name, subject) = c switch
            {
                { IsMember: true } => ("group_member_property_change", EventParam.OfMember(c.Contact!)),
                { Group: { } group } => ("group_property_change", EventParam.Of(group)),
                _ => ("friend_property_change", EventParam.Of(c.Contact!)),
            };
            Emit(AccountEvent.EventPost, name, [subject, EventParam.Of(c.Property), EventParam.Of(c.OldValue), EventParam.Of(c.NewValue)]);
        }
    }

    /// <summary>MsgType 51 lists conversations; groups we do not know yet are fetched and announced.</summary>
    private async Task FetchUnknownGroupsAsync(IReadOnlyList<string> ids, CancellationToken cancellation)
    {
        var groupIds = ids.Where(IsGroupId).Distinct().ToList();
        if (groupIds.Count == 0)
        {
            return;
        }
        var known = (await Groups.GetByIdsAsync(groupIds)).Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = groupIds.Where(id => !known.Contains(id)).Select(id => new WxBatchItem(id)).ToList();
        if (unknown.Count == 0)
        {
            return;
        }
        var fetched = await driver.BatchGetContactsAsync(_session!, unknown, cancellation);
        await ApplyContactChangesAsync([], [.. fetched.Select(ContactMapper.ToGroup)], []);
    }

    private static bool IsGroupId(string id) =>
        id.StartsWith("@@", StringComparison.Ordinal) || id.EndsWith("@chatroom", StringComparison.Ordinal);
}
