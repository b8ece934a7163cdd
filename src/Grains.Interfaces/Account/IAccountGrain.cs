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
}
