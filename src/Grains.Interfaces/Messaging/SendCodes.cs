namespace OpenWxCluster.Contracts;

/// <summary>Result codes shared by the API and grains (Mojo-Weixin's values).</summary>
public static class SendCodes
{
    public const int Success = 0;
    /// <summary>No or bad answer from upstream, or a transport failure.</summary>
    public const int Failure = -1;
    /// <summary>Retries used up.</summary>
    public const int TtlExpired = -5;
    public const int ObjectNotFound = 100;
    /// <summary>The account is not in state running (our addition: Mojo would not answer at all).</summary>
    public const int NotRunning = -2;
    /// <summary>The account's send queue is full (our addition): try again later.</summary>
    public const int QueueFull = -7;
    /// <summary>
    /// WeChat's BaseResponse.Ret 1205: the upstream's risk control refused the send as too frequent (Mojo passes the
    /// Ret through; the status text says what it means).
    /// </summary>
    public const int RiskControl = 1205;
}
