namespace OpenWxCluster.QqProtocol.Events;

/// <summary><c>meta_event.heartbeat</c>; <see cref="Status"/> has the <c>get_status</c> shape, interval in ms.</summary>
public sealed record QqHeartbeatEvent(long Time, long SelfId, QqStatus Status, long IntervalMs) : OneBotEvent(Time, SelfId);
