namespace OpenWxCluster.Protocol;

/// <summary>One AddMsgList entry as the server sent it; <see cref="WxMessageParser"/> turns it into the Mojo model.</summary>
public sealed record WxRawMessage
{
    public required string MsgId { get; init; }
    public string FromUserName { get; init; } = "";
    public string ToUserName { get; init; } = "";
    public int MsgType { get; init; }
    public string Content { get; init; } = "";
    public long CreateTime { get; init; }
    public int AppMsgType { get; init; }
    public int SubMsgType { get; init; }
    public string FileName { get; init; } = "";
    public string FileSize { get; init; } = "";
    public string MediaId { get; init; } = "";
    public string Url { get; init; } = "";
    public int StatusNotifyCode { get; init; }
    public string StatusNotifyUserName { get; init; } = "";
    public WxRecommendInfo? RecommendInfo { get; init; }
}
