namespace OpenWxCluster.QqProtocol.Events;

/// <summary><c>notice.group_recall</c> (<see cref="GroupId"/> set) or <c>notice.friend_recall</c> (<see cref="GroupId"/> 0).</summary>
public sealed record QqRecallEvent(long Time, long SelfId, long GroupId, long UserId, long OperatorId, long MessageId)
    : OneBotEvent(Time, SelfId);
