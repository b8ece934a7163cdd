namespace OpenWxCluster.Emulator.Control;

/// <summary>POST /control/logins/scan: identify the QR by uuid or by the image bytes (base64) a client downloaded.</summary>
public sealed record ScanRequest
{
    public string? Uuid { get; init; }
    public string? QrImageBase64 { get; init; }

    /// <summary>The wxid whose phone scans.</summary>
    public required string Wxid { get; init; }
}
