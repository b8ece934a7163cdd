namespace OpenWxCluster.Emulator.Wire;

/// <summary>One AddMsgList entry with the real field names (MsgId is a decimal string).</summary>
public sealed record WireMessage
{
    public required string MsgId { get; init; }
    public required string FromUserName { get; init; }
    public required string ToUserName { get; init; }
    public int MsgType { get; init; }
    public string Content { get; init; } = "";
    public int Status { get; init; } = 3;
    public int ImgStatus { get; init; } = 1;
    public long CreateTime { get; init; }
    public int VoiceLength { get; init; }
    public int PlayLength { get; init; }
    public string FileName { get; init; } = "";
    public string FileSize { get; init; } = "";
    public string MediaId { get; init; } = "";
    public string Url { get; init; } = "";
    public int AppMsgType { get; init; }
    public int StatusNotifyCode { get; init; }
    public string StatusNotifyUserName { get; init; } = "";
    public WireRecommendInfo RecommendInfo { get; init; } = WireRecommendInfo.Empty;
    public int ForwardFlag { get; init; }
    public WireAppInfo AppInfo { get; init; } = WireAppInfo.Empty;
    public int HasProductId { get; init; }
    public string Ticket { get; init; } = "";
    public int ImgHeight { get; init; }
    public int ImgWidth { get; init; }
    public int SubMsgType { get; init; }
    public long NewMsgId { get; init; }
    public string OriContent { get; init; } = "";
    public string EncryFileName { get; init; } = "";
}
