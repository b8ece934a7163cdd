namespace OpenWxCluster.Emulator.Wire;

public sealed record WireStatusNotifyResponse(WireBaseResponse BaseResponse, string MsgID);
