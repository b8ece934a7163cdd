namespace OpenWxCluster.QqProtocol;

/// <summary>Where and how to reach a OneBot v11 implementation's HTTP API (NapCat, LLOneBot, go-cqhttp, ...).</summary>
public sealed class OneBotOptions
{
    /// <summary>The HTTP API root, e.g. <c>http://127.0.0.1:3000</c>; actions are POSTed to <c>&lt;base&gt;/&lt;action&gt;</c>.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:5700";

    /// <summary>Sent as <c>Authorization: Bearer</c> (NapCat accepts only that scheme). Empty: no header.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>Per-attempt timeout. Sends can be slow under NapCat's risk control, so this is generous.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Extra attempts for idempotent reads after a transient transport failure. Sends are never retried.</summary>
    public int ReadRetries { get; set; } = 2;

    /// <summary>Base delay between read retries (exponential backoff from here).</summary>
    public TimeSpan ReadRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
