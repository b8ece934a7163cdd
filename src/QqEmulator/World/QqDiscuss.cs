namespace OpenWxCluster.QqEmulator.World;

/// <summary>A discuss group (讨论组): members and a name, no owner or roles. Mutated only under the world's lock.</summary>
public sealed class QqDiscuss(long discussId, string name)
{
    public long DiscussId { get; } = discussId;

    public string Name { get; set; } = name;

    /// <summary>Member ids in joining order.</summary>
    public List<long> Members { get; } = [];
}
