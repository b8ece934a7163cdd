namespace OpenWxCluster.Grains;

/// <summary>
/// One bot account (key: <see cref="AccountKey"/>). Runs the login state machine and the sync loop on grain timers;
/// every method answers at once, never waiting on an upstream long-poll.
/// </summary>
[Alias("openwx.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Starts logging in (or resumes a saved session). Idempotent for an account already started.</summary>
    [Alias("Start")]
    Task<AccountStatus> StartAsync(StartOptions options);

    /// <summary>Logs out upstream and stops; the account stays known in state <c>stop</c>.</summary>
    [Alias("Stop")]
    Task<AccountStatus> StopAsync();

    [Alias("GetStatus"), ReadOnly, AlwaysInterleave]
    Task<AccountStatus> GetStatusAsync();

    /// <summary>The QR to scan while the account is in scaning/confirming; null otherwise.</summary>
    [Alias("GetQrCode"), ReadOnly, AlwaysInterleave]
    Task<QrCodeImage?> GetQrCodeAsync();

    /// <summary>The logged-in user; null before login.</summary>
    [Alias("GetUser"), ReadOnly, AlwaysInterleave]
    Task<ContactInfo?> GetUserAsync();

    [Alias("GetStartOptions"), ReadOnly, AlwaysInterleave]
    Task<StartOptions> GetStartOptionsAsync();

    /// <summary>Sends text to the first friend matching the lookup. Not found: code 100.</summary>
    [Alias("SendFriendText")]
    Task<SendReceipt> SendFriendTextAsync(FriendLookup lookup, string content);

    /// <summary>Sends text to the first group matching the lookup. Not found: code 100.</summary>
    [Alias("SendGroupText")]
    Task<SendReceipt> SendGroupTextAsync(GroupLookup lookup, string content);

    /// <summary>
    /// Sends text to a friend or group by id, idempotently by <see cref="ReplyRequest.Key"/> (a webhook's reply).
    /// </summary>
    [Alias("SendReply")]
    Task<SendReceipt> SendReplyAsync(ReplyRequest request);

    /// <summary>Makes sure a started account has its timers (after a silo loss or a cluster restart).</summary>
    [Alias("EnsureActive"), AlwaysInterleave]
    Task EnsureActiveAsync();

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

    // Media sending (issue 8)

    /// <summary>upload_media: uploads to the upstream and remembers the media (bounded) for later sends by id.</summary>
    [Alias("UploadMedia")]
    Task<MediaUploadResult> UploadMediaAsync(MediaUpload upload);

    /// <summary>Sends <paramref name="content"/> (when not empty) and then the media to the first matching friend.</summary>
    [Alias("SendFriendMedia")]
    Task<MediaSendReceipt> SendFriendMediaAsync(FriendLookup lookup, string? content, OutgoingMedia media);

    /// <summary>Sends <paramref name="content"/> (when not empty) and then the media to the first matching group.</summary>
    [Alias("SendGroupMedia")]
    Task<MediaSendReceipt> SendGroupMediaAsync(GroupLookup lookup, string? content, OutgoingMedia media);
}
