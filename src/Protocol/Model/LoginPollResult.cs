namespace OpenWxCluster.Protocol;

/// <summary>The login poll answer: <c>window.code=NNN;</c> plus the redirect on 200.</summary>
public sealed record LoginPollResult(int Code, string? RedirectUri)
{
    public const int Confirmed = 200;
    public const int Scanned = 201;
    public const int Waiting = 408;
    public const int Rejected = 400;
    public const int ServerError = 500;
}
