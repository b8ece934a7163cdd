namespace OpenWxCluster.Protocol;

/// <summary>
/// Everything an account needs to talk to its upstream host. Mutable on purpose: the driver refreshes keys and
/// cookies in place and the owner persists the object after each call. Never log its secrets.
/// </summary>
public sealed class WxSession
{
    /// <summary>The account domain {d}: wx.qq.com, wx2.qq.com, web.wechat.com... taken from the login redirect.</summary>
    public string Domain { get; set; } = "wx.qq.com";

    public string Uin { get; set; } = "";
    public string Sid { get; set; } = "";
    public string Skey { get; set; } = "";
    public string PassTicket { get; set; } = "";

    /// <summary>The logged-in user's session UserName (@...), known after init.</summary>
    public string UserName { get; set; } = "";

    public WxSyncKey SyncKey { get; set; } = WxSyncKey.Empty;

    /// <summary>SyncCheckKey from the last webwxsync, if it returned one; synccheck prefers it.</summary>
    public WxSyncKey? SyncCheckKey { get; set; }

    /// <summary>This account's own cookie jar (name → cookie). One jar per account, never shared.</summary>
    public Dictionary<string, WxCookie> Cookies { get; set; } = new(StringComparer.Ordinal);
}
