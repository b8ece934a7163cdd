namespace OpenWxCluster.Emulator.Control;

/// <summary>A QR login in progress. State: waiting, scanned, confirmed, consumed, expired.</summary>
public sealed record PendingLoginInfo(
    string Uuid,
    string State,
    string QrSha256,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string? ScannedBy);
