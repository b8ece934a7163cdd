namespace OpenWxCluster.QqProtocol.Events;

/// <summary>NapCat's <c>notice.bot_offline</c>: the account was logged out (kicked, risk control); needs a re-login.</summary>
public sealed record QqBotOfflineEvent(long Time, long SelfId, string Tag, string Message) : OneBotEvent(Time, SelfId);
