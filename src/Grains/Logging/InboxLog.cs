using Microsoft.Extensions.Logging;

namespace OpenWxCluster.Grains.Logging;

/// <summary>check_event inbox log lines: account keys and error kinds only, never event contents.</summary>
public static partial class InboxLog
{
    [LoggerMessage(101, LogLevel.Error, "Inbox {Account}: saving failed; this activation stops and the account's retry brings the events again")]
    public static partial void InboxWriteFailed(this ILogger logger, Exception exception, string account);

    [LoggerMessage(102, LogLevel.Warning, "Inbox {Account}: clearing a removed cursor log segment failed ({Error}); retried at the next write")]
    public static partial void CursorSlotClearFailed(this ILogger logger, string account, string error);
}
