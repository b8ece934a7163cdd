using Microsoft.Extensions.Logging;

namespace OpenWxCluster.Grains.Webhooks;

/// <summary>post_api log lines: account keys, sequence numbers and error kinds, never bodies, URLs or secrets.</summary>
public static partial class WebhookLog
{
    [LoggerMessage(101, LogLevel.Warning, "Account {Account}: post_api gave up event {Seq} ({Reason})")]
    public static partial void GaveUp(this ILogger logger, string account, long seq, string reason);

    [LoggerMessage(102, LogLevel.Error, "Account {Account}: the post_api backlog was full; dropped the {Count} oldest events")]
    public static partial void BacklogOverflow(this ILogger logger, string account, int count);

    [LoggerMessage(103, LogLevel.Warning, "Account {Account}: sending a post_api reply failed ({Error}); retried")]
    public static partial void ReplyFailed(this ILogger logger, string account, string error);

    [LoggerMessage(104, LogLevel.Warning, "Account {Account}: a post_api reply was refused (code {Code})")]
    public static partial void ReplyRefused(this ILogger logger, string account, int code);

    [LoggerMessage(106, LogLevel.Error, "Account {Account}: saving the post_api backlog failed ({Error}); this activation stops, the account delivers again")]
    public static partial void WebhookWriteFailed(this ILogger logger, string account, string error);

    [LoggerMessage(107, LogLevel.Error, "Account {Account}: a saved post_api backlog chunk lacks {Count} events (storage lost them); they are counted as dropped")]
    public static partial void BacklogChunkLost(this ILogger logger, string account, int count);

    [LoggerMessage(108, LogLevel.Warning, "Account {Account}: saving the post_api attempt log failed ({Error}); it is saved again later")]
    public static partial void LogWriteFailed(this ILogger logger, string account, string error);

    // Debug: a receiver that is down would otherwise log every few seconds.
    [LoggerMessage(105, LogLevel.Debug, "Account {Account}: poll_api failed ({Outcome})")]
    public static partial void PollFailed(this ILogger logger, string account, string outcome);
}
