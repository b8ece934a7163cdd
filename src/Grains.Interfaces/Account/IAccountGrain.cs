namespace OpenWxCluster.Contracts;

/// <summary>
/// One bot account of any platform (key: <see cref="AccountKey"/>): its life cycle, status and text sends. Every
/// method answers at once, never waiting on an upstream long-poll. The platforms' grains extend it
/// (<see cref="IWxAccountGrain"/>, <see cref="IQqAccountGrain"/>); get one by key with
/// <see cref="AccountGrains.GetAccount"/>, which picks the platform's grain from the key's prefix.
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

    /// <summary>
    /// Logs in again, for an account that is started (else nothing happens). WeChat, as Mojo-Weixin's relogin: logs
    /// out upstream, drops the session and waits for a new QR to be scanned (<c>relogin</c> event when done).
    /// QQ (Openqq relogin): reads the profile and contacts again through <c>loading</c>.
    /// </summary>
    [Alias("Relogin")]
    Task<AccountStatus> ReloginAsync();

    [Alias("GetStatus"), ReadOnly, AlwaysInterleave]
    Task<AccountStatus> GetStatusAsync();

    /// <summary>The QR to scan while the account is in scaning/confirming; null otherwise (and always for QQ).</summary>
    [Alias("GetQrCode"), ReadOnly, AlwaysInterleave]
    Task<QrCodeImage?> GetQrCodeAsync();

    /// <summary>The logged-in user; null before login.</summary>
    [Alias("GetUser"), ReadOnly, AlwaysInterleave]
    Task<ContactInfo?> GetUserAsync();

    /// <summary>The logged-in user and the account's state: a read route's check and answer in one call.</summary>
    [Alias("GetUserWithState"), ReadOnly, AlwaysInterleave]
    Task<UserWithState> GetUserWithStateAsync();

    /// <summary>
    /// All friends of a running account with its state, in one call (get_friend_info): the account answers from the
    /// friends it keeps where it can, so the web front makes one grain call instead of two.
    /// </summary>
    [Alias("GetFriendsWithState"), ReadOnly, AlwaysInterleave]
    Task<FriendsWithState> GetFriendsWithStateAsync();

    /// <summary>
    /// All groups of a running account with its state and user, in one call (get_group_info, get_group_basic_info);
    /// <paramref name="withMembers"/> false gives each group without its member list, as
    /// <see cref="IGroupsGrain.GetAllBasicAsync"/> does.
    /// </summary>
    [Alias("GetGroupsWithState"), ReadOnly, AlwaysInterleave]
    Task<GroupsWithState> GetGroupsWithStateAsync(bool withMembers);

    [Alias("GetStartOptions"), ReadOnly, AlwaysInterleave]
    Task<StartOptions> GetStartOptionsAsync();

    /// <summary>
    /// Sends text to the first friend matching the lookup. Not found: code 100. Sends of one account go out one at a
    /// time through its paced, bounded send queue (full: code -7; upstream risk control: code 1205). A non-null
    /// <paramref name="idempotencyKey"/> makes the call idempotent: the same key again (also concurrently) sends
    /// nothing more and answers the first send's receipt.
    /// </summary>
    [Alias("SendFriendText"), AlwaysInterleave]
    Task<SendReceipt> SendFriendTextAsync(FriendLookup lookup, string content, string? idempotencyKey = null);

    /// <summary>Sends text to the first group matching the lookup, as <see cref="SendFriendTextAsync"/>.</summary>
    [Alias("SendGroupText"), AlwaysInterleave]
    Task<SendReceipt> SendGroupTextAsync(GroupLookup lookup, string content, string? idempotencyKey = null);

    /// <summary>
    /// Sends text to a friend or group by id, idempotently by <see cref="ReplyRequest.Key"/> (a webhook's reply).
    /// </summary>
    [Alias("SendReply"), AlwaysInterleave]
    Task<SendReceipt> SendReplyAsync(ReplyRequest request);

    /// <summary>Makes sure a started account has its timers (after a silo loss or a cluster restart).</summary>
    [Alias("EnsureActive"), AlwaysInterleave]
    Task EnsureActiveAsync();
}
