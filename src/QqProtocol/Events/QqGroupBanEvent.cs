namespace OpenWxCluster.QqProtocol.Events;

/// <summary><c>notice.group_ban</c>; sub_type <c>ban</c> or <c>lift_ban</c>; user 0 means the whole group.</summary>
public sealed record QqGroupBanEvent(long Time, long SelfId, string SubType, long GroupId, long UserId, long OperatorId, long DurationSeconds)
    : OneBotEvent(Time, SelfId);
