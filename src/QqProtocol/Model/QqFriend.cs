namespace OpenWxCluster.QqProtocol;

/// <summary>
/// An entry of <c>get_friend_list</c>. <see cref="Remark"/> is empty when none is set; <see cref="Category"/> is the
/// friend group's name, known only from NapCat's <c>get_friends_with_category</c> (empty otherwise).
/// </summary>
public sealed record QqFriend(long UserId, string Nickname, string Remark, string Category = "");
