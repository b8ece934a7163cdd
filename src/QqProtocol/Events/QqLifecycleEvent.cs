namespace OpenWxCluster.QqProtocol.Events;

/// <summary><c>meta_event.lifecycle</c>: sub_type <c>enable</c>/<c>disable</c> (HTTP POST) or <c>connect</c> (WS).</summary>
public sealed record QqLifecycleEvent(long Time, long SelfId, string SubType) : OneBotEvent(Time, SelfId);
