namespace OpenWxCluster.Protocol;

/// <summary><c>window.synccheck={retcode:"0",selector:"2"}</c>.</summary>
public sealed record SyncCheckResult(int RetCode, int Selector)
{
    /// <summary>Logged out on the phone.</summary>
    public const int LoggedOut = 1100;
    /// <summary>Logged in elsewhere or cookie expired.</summary>
    public const int LoggedInElsewhere = 1101;
    /// <summary>Session invalid.</summary>
    public const int SessionInvalid = 1102;
    /// <summary>Rate limited / risk control.</summary>
    public const int RateLimited = 1205;

    public bool HasNews => RetCode == 0 && Selector != 0;
}
