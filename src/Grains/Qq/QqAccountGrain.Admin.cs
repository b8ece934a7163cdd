using OpenWxCluster.QqProtocol;

namespace OpenWxCluster.Grains.Qq;

// Openqq's group administration: shutup_group_member and kick_group_member (Mojo-Webqq codes: 0, 100 not found,
// 200 member id empty, 201 failure). The upstream decides permissions (admin or owner, not against a higher role).
public sealed partial class QqAccountGrain
{
    public Task<AdminResult> ShutupAsync(GroupLookup group, IReadOnlyList<string> memberIds, TimeSpan duration) =>
        ForMembersAsync(group, memberIds, (g, m, ct) => Client.SetGroupBanAsync(g, m, (int)duration.TotalSeconds, ct));

    public async Task<AdminResult> KickAsync(GroupLookup group, IReadOnlyList<string> memberIds)
    {
        var result = await ForMembersAsync(group, memberIds, (g, m, ct) => Client.SetGroupKickAsync(g, m, false, ct));
        if (result.IsSuccess && await GrainFactory.ForKey<IGroupsGrain>(Key).FindAsync(group) is { } known)
        {
            // The cache follows at once; the implementation's group_decrease notices then find nobody to remove.
            await GrainFactory.ForKey<IGroupsGrain>(Key).ApplyAsync(
                [known with { Members = [.. known.Members.Where(m => !memberIds.Contains(m.Id))] }], []);
        }
        return result;
    }

    private async Task<AdminResult> ForMembersAsync(
        GroupLookup lookup, IReadOnlyList<string> memberIds, Func<long, long, CancellationToken, Task> act)
    {
        if (S.State != ClientState.Running)
        {
            return new AdminResult(AdminCodes.NotRunning, StatusTexts.NotRunning(S.State));
        }
        if (memberIds.Count == 0)
        {
            return new AdminResult(AdminCodes.EmptyList, "member id empty");
        }
        var group = await GrainFactory.ForKey<IGroupsGrain>(Key).FindAsync(lookup);
        if (group is null)
        {
            return new AdminResult(AdminCodes.ObjectNotFound, "object not found");
        }
        var members = new List<long>(memberIds.Count);
        foreach (var id in memberIds)
        {
            if (group.Members.FirstOrDefault(m => m.Id == id || m.Uid == id) is not { } member)
            {
                return new AdminResult(AdminCodes.ObjectNotFound, $"member {id} not found");
            }
            members.Add(QqContacts.Number(member.Uid));
        }
        var groupId = QqContacts.Number(group.Uid);
        try
        {
            foreach (var member in members)
            {
                await act(groupId, member, CancellationToken.None);
            }
        }
        catch (QqProtocolException e)
        {
            return new AdminResult(AdminCodes.Failure, "failure", Reason(e));
        }
        return new AdminResult(AdminCodes.Success, "success");
    }

    private static string Reason(QqProtocolException e) => e switch
    {
        QqRetcodeException r => $"retcode {r.Retcode}: {r.Detail}".TrimEnd(' ', ':'),
        QqAuthException => "access token refused",
        _ => "onebot api unreachable",
    };
}
