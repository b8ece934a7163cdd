namespace OpenWxCluster.QqEmulator.World;

/// <summary>A copy of a discuss group, safe to read outside the lock.</summary>
public sealed record DiscussView(long DiscussId, string Name, IReadOnlyList<long> MemberIds);
