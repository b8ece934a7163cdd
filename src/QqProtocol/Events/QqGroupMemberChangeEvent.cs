namespace OpenWxCluster.QqProtocol.Events;

/// <summary>
/// <c>notice.group_increase</c> (<see cref="Joined"/>; sub_type approve/invite) or <c>notice.group_decrease</c>
/// (sub_type leave/kick/kick_me). When <see cref="UserId"/> equals <c>SelfId</c> the bot itself joined or left.
/// </summary>
public sealed record QqGroupMemberChangeEvent(long Time, long SelfId, bool Joined, string SubType, long GroupId, long UserId, long OperatorId)
    : OneBotEvent(Time, SelfId);
