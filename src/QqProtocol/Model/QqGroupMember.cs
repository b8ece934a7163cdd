namespace OpenWxCluster.QqProtocol;

/// <summary>
/// <c>get_group_member_info</c> / an entry of <c>get_group_member_list</c>. <see cref="Card"/> is the group nickname,
/// empty when unset (display it in preference to <see cref="Nickname"/> when present). Times are Unix seconds.
/// </summary>
public sealed record QqGroupMember(
    long GroupId,
    long UserId,
    string Nickname,
    string Card,
    QqGroupRole Role,
    string Title,
    long JoinTime,
    long LastSentTime);
