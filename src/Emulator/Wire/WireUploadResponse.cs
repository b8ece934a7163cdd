namespace OpenWxCluster.Emulator.Wire;

/// <summary>webwxuploadmedia: MediaId is empty until the last chunk has arrived.</summary>
public sealed record WireUploadResponse(WireBaseResponse BaseResponse, string MediaId, long StartPos, long CLength, string MsgId);
