namespace OpenWxCluster.Emulator.Control;

/// <summary>
/// A message an account sent. Source is <c>web</c> (webwxsendmsg) or <c>phone</c> (control API); To is a stable id
/// and ToUserName the per-session name the client used (empty for phone sends).
/// </summary>
public sealed record SentMessageInfo(
    string MsgId,
    string ClientMsgId,
    string To,
    string ToUserName,
    int MsgType,
    string Content,
    long CreateTime,
    string Source);
