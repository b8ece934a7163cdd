namespace OpenWxCluster.Emulator.Wire;

public sealed record WireBatchResponse(WireBaseResponse BaseResponse, int Count, IReadOnlyList<WireContact> ContactList);
