namespace OpenWxCluster.Contracts;

/// <summary>
/// A WeChat account (key <c>wx/&lt;client&gt;</c>): the login state machine and the sync loop run on grain timers;
/// Openwx's friend and group administration, media, consult and broadcasts on top of <see cref="IAccountGrain"/>.
/// </summary>
[Alias("openwx.IWxAccountGrain")]
public interface IWxAccountGrain : IAccountGrain
{
    /// <summary>
    /// id=@all: queues the text and/or media for every friend (category 好友), sent in the background at the
    /// broadcast pace (Mojo's 3 s); answers at once. New media bytes are uploaded once first. Each friend receives
    /// it once, also across a silo loss.
    /// </summary>
    [Alias("Broadcast")]
    Task<SendReceipt> BroadcastAsync(string? content, OutgoingMedia? media = null);

    // Friend administration (issue 8)

    /// <summary>
    /// set_markname: remarks the first friend matching the lookup, or with <paramref name="groupId"/> the member
    /// <c>lookup.Id</c> of that group (webwxoplog CmdId 2). A friend's new remark is cached at once.
    /// </summary>
    [Alias("SetMarkname")]
    Task<AdminResult> SetMarknameAsync(FriendLookup lookup, string? groupId, string newMarkname);

    /// <summary>stick: sticks a friend or group on top (or unsticks it) upstream (webwxoplog CmdId 3).</summary>
    [Alias("Stick")]
    Task<AdminResult> StickAsync(string id, bool on);

    /// <summary>make_friend: sends a friend request to a member of a known group (webwxverifyuser Opcode 2).</summary>
    [Alias("MakeFriend")]
    Task<AdminResult> MakeFriendAsync(string memberId, string verify);

    /// <summary>accept_friend_request: accepts with the ticket of the friend_request event (webwxverifyuser Opcode 3).</summary>
    [Alias("AcceptFriendRequest")]
    Task<AdminResult> AcceptFriendRequestAsync(string id, string ticket);

    // Group administration, revoke, avatars, consult (issue 8)

    /// <summary>create_group: a group with these friends (webwxcreatechatroom); the result's Id is the new group's id.</summary>
    [Alias("CreateGroup")]
    Task<AdminResult> CreateGroupAsync(IReadOnlyList<string> friendIds, string? topic);

    /// <summary>invite_friend: adds friends to a group (addmember, or invitemember from 40 members on).</summary>
    [Alias("InviteToGroup")]
    Task<AdminResult> InviteToGroupAsync(GroupLookup group, IReadOnlyList<string> friendIds);

    /// <summary>kick_group_member: removes members (the account must own the group upstream).</summary>
    [Alias("KickGroupMembers")]
    Task<AdminResult> KickGroupMembersAsync(GroupLookup group, IReadOnlyList<string> memberIds);

    /// <summary>set_group_displayname: renames a group (webwxupdatechatroom modtopic).</summary>
    [Alias("SetGroupDisplayname")]
    Task<AdminResult> SetGroupDisplaynameAsync(GroupLookup group, string newDisplayname);

    /// <summary>revoke_message: recalls a message sent through the API, by the id its send returned.</summary>
    [Alias("RevokeMessage")]
    Task<AdminResult> RevokeMessageAsync(string messageId);

    /// <summary>get_avatar: a friend's, group's or the user's avatar, or with <paramref name="groupId"/> a member's.</summary>
    [Alias("GetAvatar"), AlwaysInterleave]
    Task<AvatarImage> GetAvatarAsync(string id, string? groupId);

    /// <summary>consult, first half: registers a waiter for the friend's next message, then sends the text and/or media.</summary>
    [Alias("Consult")]
    Task<ConsultTicket> ConsultAsync(FriendLookup lookup, string? content, TimeSpan timeout, OutgoingMedia? media = null);

    /// <summary>consult, second half: waits at most <paramref name="maxWait"/> for the reply; never blocks the account.</summary>
    [Alias("AwaitConsultReply"), AlwaysInterleave]
    Task<ConsultReply> AwaitConsultReplyAsync(long waiterId, TimeSpan maxWait);

    // Media sending (issue 8)

    /// <summary>upload_media: uploads to the upstream and remembers the media (bounded) for later sends by id.</summary>
    [Alias("UploadMedia")]
    Task<MediaUploadResult> UploadMediaAsync(MediaUpload upload);

    /// <summary>Sends <paramref name="content"/> (when not empty) and then the media to the first matching friend.</summary>
    [Alias("SendFriendMedia"), AlwaysInterleave]
    Task<MediaSendReceipt> SendFriendMediaAsync(FriendLookup lookup, string? content, OutgoingMedia media, string? idempotencyKey = null);

    /// <summary>Sends <paramref name="content"/> (when not empty) and then the media to the first matching group.</summary>
    [Alias("SendGroupMedia"), AlwaysInterleave]
    Task<MediaSendReceipt> SendGroupMediaAsync(GroupLookup lookup, string? content, OutgoingMedia media, string? idempotencyKey = null);
}
