namespace OpenWxCluster.Emulator.Sessions;

/// <summary>
/// One AddMsgList entry before rendering. Ids are stable (wxid / group id) because each recipient session names them
/// differently; <see cref="Content"/> is already in wire form (HTML-escaped text, XML for app/sys messages).
/// </summary>
internal sealed record EmuMessage
{
    public required long MsgId { get; init; }
    public required string FromId { get; init; }
    public required string ToId { get; init; }

    /// <summary>Group member who spoke: rendered as the <c>@member:&lt;br/&gt;</c> prefix for other members.</summary>
    public string? SpeakerId { get; init; }

    public int MsgType { get; init; } = 1;
    public string Content { get; init; } = "";
    public long CreateTime { get; init; }
    public int StatusNotifyCode { get; init; }
    public IReadOnlyList<string> StatusNotifyIds { get; init; } = [];
    public int AppMsgType { get; init; }
    public string FileName { get; init; } = "";
    public string FileSize { get; init; } = "";
    public string MediaId { get; init; } = "";
    public string Url { get; init; } = "";
    public int ImgWidth { get; init; }
    public int ImgHeight { get; init; }
    public int PlayLength { get; init; }
    public int VoiceLength { get; init; }
    public RecommendData? Recommend { get; init; }
}
