namespace OpenWxCluster.Grains.Account.Login;

/// <summary>The upstream work the account must do next; the grain's pump executes it.</summary>
public enum LoginAction
{
    None,
    /// <summary>jslogin for a new uuid, then download its QR.</summary>
    FetchQrCode,
    /// <summary>One login long-poll for the current uuid.</summary>
    PollLogin,
    /// <summary>newloginpage → init → statusnotify → contacts → batch contacts.</summary>
    CompleteLogin,
    /// <summary>synccheck → webwxsync.</summary>
    Sync,
}
