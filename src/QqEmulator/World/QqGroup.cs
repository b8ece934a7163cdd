namespace OpenWxCluster.QqEmulator.World;

/// <summary>A QQ group. Mutated only under the world's lock.</summary>
public sealed class QqGroup(long groupId, string name)
{
    public long GroupId { get; } = groupId;

    public string Name { get; set; } = name;

    public int MaxMemberCount { get; init; } = 200;

    public Dictionary<long, QqMember> Members { get; } = [];
}
