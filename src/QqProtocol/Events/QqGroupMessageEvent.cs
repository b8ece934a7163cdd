namespace OpenWxCluster.QqProtocol.Events;

/// <summary><c>message.group</c>; the sender carries the group card and role.</summary>
public sealed record QqGroupMessageEvent(
    long Time, long SelfId, string SubType, long MessageId, long GroupId, long UserId, IReadOnlyList<OneBotSegment> Message, string RawMessage, QqSender Sender)
    : OneBotEvent(Time, SelfId);
