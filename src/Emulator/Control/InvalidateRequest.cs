namespace OpenWxCluster.Emulator.Control;

/// <summary>POST /control/accounts/{wxid}/invalidate: 1100 (logged out on phone), 1101 (elsewhere), 1102 (invalid).</summary>
public sealed record InvalidateRequest(int RetCode);
