namespace OpenWxCluster.Protocol;

/// <summary>
/// One method per upstream web WeChat operation. The driver holds no per-account state: everything an account
/// owns (cookies, keys, host) travels in the <see cref="WxSession"/> the caller passes and persists.
/// Methods that receive a session may update it (new SKey, SyncKey, cookies); callers persist it afterwards.
/// Transport failures throw <see cref="WxTransportException"/>; upstream refusals throw <see cref="WxRetException"/>.
/// </summary>
public interface IWxProtocolDriver
{
    /// <summary>jslogin: a fresh login uuid.</summary>
    Task<string> GetUuidAsync(CancellationToken cancellationToken = default);

    /// <summary>The QR image for a uuid (raw bytes as served upstream).</summary>
    Task<byte[]> GetQrCodeAsync(string uuid, CancellationToken cancellationToken = default);

    /// <summary>One login long-poll (408 not scanned, 201 scanned, 200 confirmed with redirect, 400/500 errors).</summary>
    Task<LoginPollResult> PollLoginAsync(string uuid, bool scanned, CancellationToken cancellationToken = default);

    /// <summary>webwxnewloginpage: turns the confirmed redirect into a session. ret ≠ 0 throws <see cref="WxLoginRefusedException"/>.</summary>
    Task<WxSession> NewLoginPageAsync(string redirectUri, CancellationToken cancellationToken = default);

    /// <summary>webwxinit: self user, recent chats, SyncKey, SKey. Updates the session.</summary>
    Task<WxInitResult> InitAsync(WxSession session, CancellationToken cancellationToken = default);

    /// <summary>webwxstatusnotify (code 3 after init, 1 after a friend request).</summary>
    Task StatusNotifyAsync(WxSession session, int code, string toUserName, CancellationToken cancellationToken = default);

    /// <summary>webwxgetcontact, following Seq paging until it is 0.</summary>
    Task<IReadOnlyList<WxContact>> GetContactsAsync(WxSession session, CancellationToken cancellationToken = default);

    /// <summary>webwxbatchgetcontact, split into requests of at most 50 ids.</summary>
    Task<IReadOnlyList<WxContact>> BatchGetContactsAsync(WxSession session, IReadOnlyList<WxBatchItem> items, CancellationToken cancellationToken = default);

    /// <summary>synccheck long-poll (uses SyncCheckKey when the last sync returned one).</summary>
    Task<SyncCheckResult> SyncCheckAsync(WxSession session, CancellationToken cancellationToken = default);

    /// <summary>webwxsync: new messages and contact changes. Updates SyncKey, SyncCheckKey and SKey in the session.</summary>
    Task<WxSyncResult> SyncAsync(WxSession session, CancellationToken cancellationToken = default);

    /// <summary>webwxsendmsg (Type 1). A retry must pass the same clientMsgId so the server dedupes it.</summary>
    Task<WxSendResult> SendTextAsync(WxSession session, string toUserName, string content, string clientMsgId, CancellationToken cancellationToken = default);

    /// <summary>webwxlogout (type 0 then type 1); clears the session's cookies.</summary>
    Task LogoutAsync(WxSession session, CancellationToken cancellationToken = default);
}
