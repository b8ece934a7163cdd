namespace OpenWxCluster.Grains.Account.Login;

/// <summary>Mojo-Weixin's login knobs, with its defaults.</summary>
public sealed record LoginOptions
{
    /// <summary>Consecutive 408 answers after which the QR counts as expired and a new one is fetched.</summary>
    public int PollsPerQrCode { get; init; } = 5;

    /// <summary>QR expiries after which the client gives up and stops (qrcode_count_max).</summary>
    public int MaxQrCodeCount { get; init; } = 10;

    /// <summary>Consecutive non-zero synccheck retcodes (other than the relogin ones) before a relogin.</summary>
    public int MaxSyncErrors { get; init; } = 10;

    /// <summary>stop_with_mobile: synccheck 1101 stops the client instead of relogging in.</summary>
    public bool StopWithMobile { get; init; }
}
