using Microsoft.Extensions.Logging;

namespace OpenWxCluster.Grains.Logging;

/// <summary>Account log lines. Only account keys, states and error kinds: never session secrets or the QR uuid.</summary>
public static partial class AccountLog
{
    [LoggerMessage(1, LogLevel.Information, "Account {Account}: {From} -> {To}")]
    public static partial void StateChanged(this ILogger logger, string account, string from, string to);

    [LoggerMessage(2, LogLevel.Warning, "Account {Account}: {Step} failed: {Error}")]
    public static partial void StepFailed(this ILogger logger, string account, string step, string error);

    [LoggerMessage(3, LogLevel.Warning, "Account {Account}: upstream refused the login (ret {Ret})")]
    public static partial void LoginRefused(this ILogger logger, string account, int ret);

    [LoggerMessage(4, LogLevel.Information, "Account {Account}: resumed running on this silo without a scan")]
    public static partial void Resumed(this ILogger logger, string account);

    [LoggerMessage(5, LogLevel.Warning, "Account {Account}: synccheck/webwxsync answered {Code}")]
    public static partial void SyncRejected(this ILogger logger, string account, int code);

    [LoggerMessage(6, LogLevel.Error, "Account {Account}: unexpected failure in {Step}")]
    public static partial void Unexpected(this ILogger logger, Exception exception, string account, string step);

    [LoggerMessage(7, LogLevel.Error, "Account {Account}: saving the state failed; this activation stops so nothing unsaved is confirmed upstream")]
    public static partial void StateWriteFailed(this ILogger logger, Exception exception, string account);

    [LoggerMessage(8, LogLevel.Warning, "Account {Account}: delivering {Count} saved events failed ({Error}); retried by the pump")]
    public static partial void DeliveryFailed(this ILogger logger, string account, int count, string error);

    [LoggerMessage(9, LogLevel.Error, "Account {Account}: the outbox was full; dropped the {Count} oldest events")]
    public static partial void OutboxOverflow(this ILogger logger, string account, int count);

    [LoggerMessage(11, LogLevel.Error, "Account {Account}: handling a sync batch failed; this activation stops so the batch is fetched again from the saved SyncKey")]
    public static partial void BatchFailed(this ILogger logger, Exception exception, string account);

    [LoggerMessage(10, LogLevel.Warning, "Account {Account}: publishing an event to the account stream failed ({Error}); stream subscribers miss it")]
    public static partial void PublishFailed(this ILogger logger, string account, string error);
}
