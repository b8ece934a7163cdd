namespace OpenWxCluster.QqProtocol.Events;

/// <summary>
/// Base of every parsed OneBot v11 event: <c>time</c> (Unix seconds) and <c>self_id</c> (the bot account the event
/// belongs to, which routes it to its account in a multi-account host).
/// </summary>
public abstract record OneBotEvent(long Time, long SelfId);
