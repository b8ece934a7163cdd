namespace OpenWxCluster.Emulator.Wire;

public sealed record WireRevokeResponse(WireBaseResponse BaseResponse, string Introduction);
