namespace OpenWxCluster.QqProtocol;

/// <summary>An entry of <c>get_friend_list</c>. <see cref="Remark"/> is empty when none is set.</summary>
public sealed record QqFriend(long UserId, string Nickname, string Remark);
