
namespace OpenWxCluster.WebFront.Tests;

// Group administration, revoke, avatars and consult: calls are recorded like the friend administration calls.
public sealed partial class FakeAccountGrain
{
    public AvatarImage? Avatar { get; set; }

    /// <summary>consult's answer to hand out; null means a timeout.</summary>
    public ChatMessage? ConsultAnswer { get; set; }

    public Task<AdminResult> CreateGroupAsync(IReadOnlyList<string> friendIds, string? topic)
    {
        Throw();
        var result = Admin($"create_group {string.Join(',', friendIds)} {topic}");
        return Task.FromResult(result.IsSuccess ? result with { Id = "@@new" } : result);
    }

    public Task<AdminResult> InviteToGroupAsync(GroupLookup group, IReadOnlyList<string> friendIds)
    {
        Throw();
        return Task.FromResult(Admin($"invite {group.Id}/{group.DisplayName} {string.Join(',', friendIds)}"));
    }

    public Task<AdminResult> KickGroupMembersAsync(GroupLookup group, IReadOnlyList<string> memberIds)
    {
        Throw();
        return Task.FromResult(Admin($"kick {group.Id}/{group.DisplayName} {string.Join(',', memberIds)}"));
    }

    public Task<AdminResult> SetGroupDisplaynameAsync(GroupLookup group, string newDisplayname)
    {
        Throw();
        return Task.FromResult(Admin($"rename {group.Id}/{group.DisplayName} {newDisplayname}"));
    }

    public Task<AdminResult> RevokeMessageAsync(string messageId)
    {
        Throw();
        var result = Admin($"revoke {messageId}");
        return Task.FromResult(result with { Id = messageId, Status = result.IsSuccess ? "revoke success" : result.Status });
    }

    public Task<AvatarImage> GetAvatarAsync(string id, string? groupId)
    {
        Throw();
        AdminCalls.Enqueue($"avatar {id} {groupId}");
        return Task.FromResult(Avatar ?? new AvatarImage(AdminCodes.ObjectNotFound, "object not found"));
    }

    public Task<ConsultTicket> ConsultAsync(FriendLookup lookup, string? content, TimeSpan timeout, OutgoingMedia? media = null)
    {
        Throw();
        AdminCalls.Enqueue($"consult {lookup.Id} {content} {timeout.TotalSeconds}");
        return Task.FromResult(new ConsultTicket(new SendReceipt("1:@to", SendCodes.Success, "success"), 1));
    }

    public Task<ConsultReply> AwaitConsultReplyAsync(long waiterId, TimeSpan maxWait) =>
        Task.FromResult(new ConsultReply(Done: true, ConsultAnswer));
}
