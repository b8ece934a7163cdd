using OpenWxCluster.Grains.Logging;
using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Account;

// Friend administration (issue 8): remarks, sticking, friend requests through webwxoplog / webwxverifyuser.
public sealed partial class AccountGrain
{
    public async Task<AdminResult> SetMarknameAsync(FriendLookup lookup, string? groupId, string newMarkname)
    {
        if (RefuseAdmin() is { } refusal)
        {
            return refusal;
        }
        if (!string.IsNullOrEmpty(groupId))
        {
            var group = (await Groups.GetByIdsAsync([groupId])).FirstOrDefault();
            if (group is null)
            {
                return new AdminResult(AdminCodes.ObjectNotFound, "group not found");
            }
            var member = group.Members.FirstOrDefault(m => m.Id == lookup.Id);
            return member is null
                ? new AdminResult(AdminCodes.ObjectNotFound, $"member id {lookup.Id} not found")
                : await UpstreamAsync("set_markname", s => adminDriver.SetRemarkNameAsync(s, member.Id, newMarkname));
        }

        var friend = await Friends.FindAsync(lookup);
        if (friend is null)
        {
            return NotFoundResult();
        }
        // Cached before the upstream call: get_friend_info right after the reply must show the remark, and the
        // upstream's ModContact echo, which the interleaving pump may apply while this call still waits, must find
        // it there and post no friend_property_change. A refusal puts the old remark back.
        await Contacts.ApplyFriendsAsync([friend with { Markname = newMarkname }], []);
        var result = await UpstreamAsync("set_markname", s => adminDriver.SetRemarkNameAsync(s, friend.Id, newMarkname));
        if (!result.IsSuccess)
        {
            await Contacts.ApplyFriendsAsync([friend], []);
        }
        return result;
    }

    public async Task<AdminResult> StickAsync(string id, bool on)
    {
        if (RefuseAdmin() is { } refusal)
        {
            return refusal;
        }
        var known = (await Friends.GetByIdsAsync([id])).Count > 0 || (await Groups.GetByIdsAsync([id])).Count > 0;
        return known
            ? await UpstreamAsync("stick", s => adminDriver.SetStickAsync(s, id, on))
            : NotFoundResult();
    }

    public async Task<AdminResult> MakeFriendAsync(string memberId, string verify)
    {
        if (RefuseAdmin() is { } refusal)
        {
            return refusal;
        }
        if (memberId == state.State.User?.Id)
        {
            return new AdminResult(AdminCodes.Refused, "can not be yourself");
        }
        if ((await Friends.GetByIdsAsync([memberId])).Count > 0)
        {
            return new AdminResult(AdminCodes.Refused, "already a friend");
        }
        // Mojo only befriends people it knows from a group; anyone else has no usable UserName.
        var groups = await Groups.GetAllAsync();
        if (!groups.Any(g => g.Members.Any(m => m.Id == memberId)))
        {
            return NotFoundResult();
        }
        return await UpstreamAsync(
            "make_friend", s => adminDriver.VerifyUserAsync(s, WxVerifyOpcode.SendRequest, memberId, "", verify));
    }

    public async Task<AdminResult> AcceptFriendRequestAsync(string id, string ticket)
    {
        if (RefuseAdmin() is { } refusal)
        {
            return refusal;
        }
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(ticket))
        {
            return new AdminResult(AdminCodes.Invalid, "id and ticket are required");
        }
        // Mojo answers -1 (not 201) when accepting fails.
        var result = await UpstreamAsync(
            "accept_friend_request", s => adminDriver.VerifyUserAsync(s, WxVerifyOpcode.VerifyOk, id, ticket, ""));
        return result.IsSuccess ? result : new AdminResult(AdminCodes.Invalid, "failure");
    }

    private AdminResult? RefuseAdmin() =>
        _machine.State != ClientState.Running || _session is null
            ? new AdminResult(AdminCodes.NotRunning, StatusTexts.NotRunning(_machine.State))
            : null;

    private static AdminResult NotFoundResult() => new(AdminCodes.ObjectNotFound, "object not found");

    /// <summary>One upstream call; Ret ≠ 0 and transport errors are Mojo's plain 201 failure (logged, never the body).</summary>
    private async Task<AdminResult> UpstreamAsync(string step, Func<WxSession, Task> call)
    {
        var session = _session;
        if (session is null)
        {
            return new AdminResult(AdminCodes.NotRunning, "client is not running");
        }
        try
        {
            await call(session);
            return new AdminResult(AdminCodes.Success, "success");
        }
        catch (WxProtocolException e)
        {
            logger.StepFailed(Key, step, e.GetType().Name);
            return new AdminResult(AdminCodes.Failure, "failure");
        }
    }
}
