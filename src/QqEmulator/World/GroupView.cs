namespace OpenWxCluster.QqEmulator.World;

/// <summary>A copy of a group's header, safe to read outside the lock.</summary>
public sealed record GroupView(long GroupId, string GroupName, int MemberCount, int MaxMemberCount);
