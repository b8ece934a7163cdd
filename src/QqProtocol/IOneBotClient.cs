namespace OpenWxCluster.QqProtocol;

/// <summary>
/// The OneBot v11 actions Openqq needs, one async method each. Failures surface as <see cref="QqTransportException"/>,
/// <see cref="QqAuthException"/> or <see cref="QqRetcodeException"/>. Reads may be retried internally; sends and
/// admin actions are sent exactly once.
/// </summary>
public interface IOneBotClient
{
    Task<QqLoginInfo> GetLoginInfoAsync(CancellationToken ct = default);

    Task<QqStatus> GetStatusAsync(CancellationToken ct = default);

    Task<IReadOnlyList<QqFriend>> GetFriendListAsync(CancellationToken ct = default);

    /// <summary>
    /// NapCat's <c>get_friends_with_category</c>: the friends with their friend group's name. An implementation
    /// without it (plain OneBot v11, go-cqhttp) answers <see cref="QqRetcodeException"/> 1404.
    /// </summary>
    Task<IReadOnlyList<QqFriend>> GetFriendsWithCategoryAsync(CancellationToken ct = default);

    Task<IReadOnlyList<QqGroup>> GetGroupListAsync(CancellationToken ct = default);

    Task<QqGroup> GetGroupInfoAsync(long groupId, bool noCache = false, CancellationToken ct = default);

    Task<IReadOnlyList<QqGroupMember>> GetGroupMemberListAsync(long groupId, CancellationToken ct = default);

    Task<QqGroupMember> GetGroupMemberInfoAsync(long groupId, long userId, bool noCache = false, CancellationToken ct = default);

    /// <summary>Sends segments (array form, so text can never turn into CQ codes); returns the message_id.</summary>
    Task<long> SendPrivateMsgAsync(long userId, IReadOnlyList<OneBotSegment> message, CancellationToken ct = default);

    /// <summary>
    /// A temporary-session message: send_private_msg with the <c>group_id</c> the two share (NapCat and go-cqhttp
    /// read it; without it a non-friend cannot be written to). A null group is a plain private message.
    /// </summary>
    Task<long> SendTempMsgAsync(long userId, long? groupId, IReadOnlyList<OneBotSegment> message, CancellationToken ct = default);

    Task<long> SendGroupMsgAsync(long groupId, IReadOnlyList<OneBotSegment> message, CancellationToken ct = default);

    /// <summary>
    /// send_discuss_msg. Implementations without discuss groups (NapCat: QQ merged them into groups in 2020) answer it
    /// as an unknown action: a <see cref="QqRetcodeException"/> with retcode 1404.
    /// </summary>
    Task<long> SendDiscussMsgAsync(long discussId, IReadOnlyList<OneBotSegment> message, CancellationToken ct = default);

    /// <summary>Mutes a member for <paramref name="durationSeconds"/> seconds; 0 lifts the mute.</summary>
    Task SetGroupBanAsync(long groupId, long userId, int durationSeconds, CancellationToken ct = default);

    Task SetGroupKickAsync(long groupId, long userId, bool rejectAddRequest = false, CancellationToken ct = default);

    Task DeleteMsgAsync(long messageId, CancellationToken ct = default);
}
