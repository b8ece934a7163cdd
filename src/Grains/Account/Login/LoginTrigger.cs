namespace OpenWxCluster.Grains.Account.Login;

/// <summary>Something that happened to the account: an API request or an upstream answer.</summary>
public abstract record LoginTrigger
{
    /// <summary>start_client.</summary>
    public sealed record Start : LoginTrigger;

    /// <summary>stop_client.</summary>
    public sealed record Stop : LoginTrigger;

    /// <summary>The operator asks for a new login (the console's relogin).</summary>
    public sealed record Relogin : LoginTrigger;

    /// <summary>A new uuid and QR image are in hand.</summary>
    public sealed record QrCodeFetched : LoginTrigger;

    /// <summary>The login poll answered <c>window.code</c> (408, 201, 200, 400, 500...).</summary>
    public sealed record PollAnswered(int Code) : LoginTrigger;

    /// <summary>newloginpage answered ret ≠ 0 (1203: not allowed to use web WeChat).</summary>
    public sealed record LoginRefused(int Ret, string Message) : LoginTrigger;

    /// <summary>init and contacts fetched: the account is usable.</summary>
    public sealed record UpdateSucceeded : LoginTrigger;

    /// <summary>init or contacts failed after a confirmed scan.</summary>
    public sealed record UpdateFailed(string Reason) : LoginTrigger;

    /// <summary>A non-zero synccheck retcode, or a webwxsync Ret ≠ 0.</summary>
    public sealed record SyncRejected(int Code, bool FromSync) : LoginTrigger;

    /// <summary>A transport failure of synccheck/webwxsync (counted, no state change by itself).</summary>
    public sealed record SyncFailed : LoginTrigger;

    /// <summary>A synccheck/webwxsync round trip succeeded (resets the error count).</summary>
    public sealed record SyncSucceeded : LoginTrigger;
}
