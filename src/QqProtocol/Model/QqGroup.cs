namespace OpenWxCluster.QqProtocol;

/// <summary><c>get_group_info</c> / an entry of <c>get_group_list</c>; counts are 0 when not reported.</summary>
public sealed record QqGroup(long GroupId, string GroupName, int MemberCount, int MaxMemberCount);
