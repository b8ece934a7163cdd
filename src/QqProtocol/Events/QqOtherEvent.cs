namespace OpenWxCluster.QqProtocol.Events;

/// <summary>
/// Any event without a typed record (requests, pokes, implementation extensions): kept with its types and the raw
/// JSON so nothing is silently lost.
/// </summary>
public sealed record QqOtherEvent(long Time, long SelfId, string PostType, string DetailType, string SubType, string RawJson)
    : OneBotEvent(Time, SelfId);
