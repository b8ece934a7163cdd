namespace OpenWxCluster.Protocol.Web;

/// <summary>Options of <see cref="WebWxDriver"/> (section <c>WebWx</c> when bound from configuration).</summary>
public sealed class WebWxOptions
{
    public const string SectionName = "WebWx";

    /// <summary>
    /// Null talks to the real hosts. Otherwise every upstream host is replaced by this origin (path and query kept)
    /// and the original host travels in <c>X-Upstream-Host</c>, e.g. <c>http://127.0.0.1:5800</c> for the emulator.
    /// </summary>
    public string? LoopbackBaseUrl { get; set; }

    /// <summary>Browser user agent; web WeChat refuses clients that do not look like a browser.</summary>
    public string UserAgent { get; set; } =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    /// <summary>Domain used before any session exists (jslogin and the login poll).</summary>
    public string DefaultDomain { get; set; } = "wx.qq.com";

    /// <summary>Ordinary requests.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(35);

    /// <summary>synccheck and the login poll: the server holds them ~25 s, so this must stay well above that.</summary>
    public TimeSpan LongPollTimeout { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>Media upload and download (Mojo uses a 120 s inactivity timeout for media).</summary>
    public TimeSpan MediaTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>How long pooled connections live, so DNS changes are picked up by the one shared client.</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
