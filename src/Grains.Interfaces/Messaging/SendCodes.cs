namespace OpenWxCluster.Grains;

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
}
