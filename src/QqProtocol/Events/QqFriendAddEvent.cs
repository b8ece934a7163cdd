namespace OpenWxCluster.QqProtocol.Events;

/// <summary><c>notice.friend_add</c>: a new friend.</summary>
public sealed record QqFriendAddEvent(long Time, long SelfId, long UserId) : OneBotEvent(Time, SelfId);
