namespace OpenWxCluster.Grains.Options;

/// <summary>Outgoing media settings of the silo (config section <c>OpenWx:Media</c>).</summary>
public sealed class MediaOptions
{
    /// <summary>
    /// How long fetching one media_url may take, connection and body (bytes are capped at 20 MB). Kept under the
    /// Orleans call timeout (30 s), so the web front gets the clear "timed out" answer rather than a call timeout.
    /// </summary>
    public TimeSpan UrlTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
