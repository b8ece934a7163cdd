namespace OpenWxCluster.Protocol;

/// <summary>Group management, remarks, sticking and friend verification (same rules as <see cref="IWxProtocolDriver"/>).</summary>
public interface IWxChatAdminDriver
{
    /// <summary>webwxcreatechatroom; the caller batch-fetches the new group afterwards.</summary>
    Task<WxChatRoomResult> CreateChatRoomAsync(WxSession session, string topic, IReadOnlyList<string> memberUserNames, CancellationToken cancellationToken = default);

    /// <summary>webwxupdatechatroom?fun=modtopic.</summary>
    Task SetChatRoomTopicAsync(WxSession session, string chatRoomName, string topic, CancellationToken cancellationToken = default);

    /// <summary>
    /// webwxupdatechatroom?fun=addmember, or fun=invitemember once the group would reach 40 members
    /// (<paramref name="currentMemberCount"/> + new ≥ 40), as the server demands.
    /// </summary>
    Task AddChatRoomMembersAsync(
        WxSession session, string chatRoomName, IReadOnlyList<string> userNames, int currentMemberCount, CancellationToken cancellationToken = default);

    /// <summary>webwxupdatechatroom?fun=delmember.</summary>
    Task DeleteChatRoomMembersAsync(WxSession session, string chatRoomName, IReadOnlyList<string> userNames, CancellationToken cancellationToken = default);

    /// <summary>webwxoplog CmdId 2.</summary>
    Task SetRemarkNameAsync(WxSession session, string userName, string remarkName, CancellationToken cancellationToken = default);

    /// <summary>webwxoplog CmdId 3 (OP 1 stick, 0 unstick).</summary>
    Task SetStickAsync(WxSession session, string userName, bool stick, CancellationToken cancellationToken = default);

    /// <summary>webwxverifyuser: send a request (ticket empty) or accept one (ticket from RecommendInfo).</summary>
    Task VerifyUserAsync(
        WxSession session, WxVerifyOpcode opcode, string userName, string ticket, string verifyContent, CancellationToken cancellationToken = default);
}
