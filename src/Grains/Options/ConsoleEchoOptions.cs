namespace OpenWxCluster.Grains.Options;

/// <summary>
/// What a silo prints on its own console for a person watching it (Mojo's ShowMsg and terminal QR). This is not a
/// log: message bodies and the QR appear here only, never in the logging pipeline.
/// </summary>
public sealed class ConsoleEchoOptions
{
    public const string SectionName = "OpenWx:Console";

    /// <summary>One line per received and sent message (sender, chat, text cut at <see cref="MaxLineLength"/>).</summary>
    public bool ShowMessages { get; set; }

    /// <summary>A WeChat login QR drawn in the terminal while it waits to be scanned.</summary>
    public bool ShowQrCode { get; set; }

    public int MaxLineLength { get; set; } = 160;
}
