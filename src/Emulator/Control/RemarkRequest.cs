namespace OpenWxCluster.Emulator.Control;

/// <summary>PUT /control/accounts/{wxid}/contacts/{id}/remark.</summary>
public sealed record RemarkRequest(string RemarkName);
