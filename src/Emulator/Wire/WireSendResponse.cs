namespace OpenWxCluster.Emulator.Wire;

/// <summary>webwxsendmsg / webwxsendmsgimg answer: MsgID is the server id, LocalID echoes the client's.</summary>
public sealed record WireSendResponse(WireBaseResponse BaseResponse, string MsgID, string LocalID);
