using Microsoft.Extensions.Logging;

namespace OpenWxCluster.Grains.Logging;

/// <summary>QQ account log lines: account keys, states, causes and error kinds; never tokens, secrets or message text.</summary>
public static partial class QqLog
{
    [LoggerMessage(201, LogLevel.Warning, "QQ account {Account}: the OneBot implementation could not be used at start: {Error}")]
    public static partial void StartRefused(this ILogger logger, string account, string error);

    [LoggerMessage(202, LogLevel.Warning, "QQ account {Account}: offline ({Cause})")]
    public static partial void WentOffline(this ILogger logger, string account, string cause);

    [LoggerMessage(203, LogLevel.Information, "QQ account {Account}: back online")]
    public static partial void BackOnline(this ILogger logger, string account);

    [LoggerMessage(204, LogLevel.Warning, "QQ account {Account}: event refused ({Result})")]
    public static partial void EventRefused(this ILogger logger, string account, QqIntakeResult result);
}
