using OpenWxCluster.Grains.Contacts;
using OpenWxCluster.Grains.Logging;
using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Account;

// Group administration (issue 8): webwxcreatechatroom and webwxupdatechatroom. After each change the group is read
// back from the upstream, so get_group_info shows it at once and the change events come from one place (the cache diff).
public sealed partial class AccountGrain
{
    public async Task<AdminResult> CreateGroupAsync(IReadOnlyList<string> friendIds, string? topic)
    {
        if (RefuseAdmin() is { } refusal)
        {
            return refusal;
        }
        if (await MissingFriendAsync(friendIds) is { } missing)
        {
            return missing;
        }
        WxChatRoomResult created;
        try
        {
            created = await adminDriver.CreateChatRoomAsync(_session!, topic ?? "", friendIds);
        }
        catch (WxProtocolException e)
        {
            logger.StepFailed(Key, "create_group", e.GetType().Name);
            return new AdminResult(AdminCodes.Failure, "failure");
        }
        await RefreshGroupAsync(created.ChatRoomName);
        return new AdminResult(AdminCodes.Success, "success", created.ChatRoomName);
    }

    public async Task<AdminResult> InviteToGroupAsync(GroupLookup lookup, IReadOnlyList<string> friendIds)
    {
        if (RefuseAdmin() is { } refusal)
        {
            return refusal;
        }
        var group = await Groups.FindAsync(lookup);
        if (group is null)
        {
            return NotFoundResult();
        }
        if (await MissingFriendAsync(friendIds) is { } missing)
        {
            return missing;
        }
        var result = await UpstreamAsync(
            "invite_friend", s => adminDriver.AddChatRoomMembersAsync(s, group.Id, friendIds, group.Members.Count));
        return await AfterGroupChangeAsync(result, group.Id);
    }

    public async Task<AdminResult> KickGroupMembersAsync(GroupLookup lookup, IReadOnlyList<string> memberIds)
    {
        if (RefuseAdmin() is { } refusal)
        {
            return refusal;
        }
        var group = await Groups.FindAsync(lookup);
        if (group is null)
        {
            return NotFoundResult();
        }
        if (memberIds.Count == 0)
        {
            return new AdminResult(AdminCodes.EmptyList, "member id empty");
        }
        if (memberIds.FirstOrDefault(id => group.Members.All(m => m.Id != id)) is { } unknown)
        {
            return new AdminResult(AdminCodes.ObjectNotFound, $"member id {unknown} not found");
        }
        var result = await UpstreamAsync("kick_group_member", s => adminDriver.DeleteChatRoomMembersAsync(s, group.Id, memberIds));
        return await AfterGroupChangeAsync(result, group.Id);
    }

    public async Task<AdminResult> SetGroupDisplaynameAsync(GroupLookup lookup, string newDisplayname)
    {
        if (RefuseAdmin() is { } refusal)
        {
            return refusal;
        }
        var group = await Groups.FindAsync(lookup);
        if (group is null)
        {
            return NotFoundResult();
        }
        var result = await UpstreamAsync("set_group_displayname", s => adminDriver.SetChatRoomTopicAsync(s, group.Id, newDisplayname));
        return await AfterGroupChangeAsync(result, group.Id);
    }

    /// <summary>Mojo's checks: an empty list is code 200, the first id that is no friend code 100.</summary>
    private async Task<AdminResult?> MissingFriendAsync(IReadOnlyList<string> friendIds)
    {
        if (friendIds.Count == 0)
        {
            return new AdminResult(AdminCodes.EmptyList, "friend id empty");
        }
        var known = (await Friends.GetByIdsAsync(friendIds)).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        return friendIds.FirstOrDefault(id => !known.Contains(id)) is { } unknown
            ? new AdminResult(AdminCodes.ObjectNotFound, $"friend id {unknown} not found")
            : null;
    }

    private async Task<AdminResult> AfterGroupChangeAsync(AdminResult result, string groupId)
    {
        if (result.IsSuccess)
        {
            await RefreshGroupAsync(groupId);
        }
        return result;
    }

    /// <summary>
    /// Reads the group back (webwxbatchgetcontact) and applies it to the cache. A failed read only delays the cache:
    /// the upstream's ModContact brings the same change with the next sync.
    /// </summary>
    private async Task RefreshGroupAsync(string groupId)
    {
        var session = _session;
        if (session is null)
        {
            return;
        }
        try
        {
            var fetched = await driver.BatchGetContactsAsync(session, [new WxBatchItem(groupId)]);
            await ApplyContactChangesAsync([], [.. fetched.Where(c => c.IsGroup).Select(ContactMapper.ToGroup)], []);
            await FlushEventsAsync();
        }
        catch (WxProtocolException e)
        {
            logger.StepFailed(Key, "refresh group", e.GetType().Name);
        }
    }
}
