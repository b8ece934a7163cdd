namespace OpenWxCluster.Contracts;

/// <summary>
/// The stable causes carried by the <c>offline</c> event and <see cref="AccountStatus.OfflineCause"/>: why a running
/// account stopped receiving from upstream.
/// </summary>
public static class OfflineCauses
{
    /// <summary>synccheck/webwxsync 1100: logged out on the phone.</summary>
    public const string LoggedOut = "logged_out";

    /// <summary>1101: logged in elsewhere (another web session).</summary>
    public const string LoggedInElsewhere = "logged_in_elsewhere";

    /// <summary>1102: the session expired or became invalid.</summary>
    public const string SessionExpired = "session_expired";

    /// <summary>1205: upstream risk control.</summary>
    public const string RiskControl = "risk_control";

    /// <summary>Upstream unreachable (connection failure, timeout, 5xx, unreadable answer).</summary>
    public const string Transport = "transport";

    /// <summary>Too many unknown synccheck retcodes in a row.</summary>
    public const string SyncErrors = "sync_errors";

    /// <summary>QQ: the implementation reported <c>bot_offline</c> (kicked, logged in elsewhere, risk control).</summary>
    public const string BotOffline = "bot_offline";

    /// <summary>QQ: no heartbeat or event from the implementation for three heartbeat intervals.</summary>
    public const string HeartbeatLost = "heartbeat_lost";

    /// <summary>QQ: the implementation answers, but says its QQ account is not logged in (get_status online false).</summary>
    public const string NotLoggedIn = "not_logged_in";

    /// <summary>The cause of a retcode that ends the session, or null for any other code.</summary>
    public static string? OfRetCode(int code) => code switch
    {
        1100 => LoggedOut,
        1101 => LoggedInElsewhere,
        1102 => SessionExpired,
        1205 => RiskControl,
        _ => null,
    };
}
