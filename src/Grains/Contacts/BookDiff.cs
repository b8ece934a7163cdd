namespace OpenWxCluster.Grains.Contacts;

/// <summary>What <see cref="ContactBook{T}.Apply"/> did, with the old objects it replaced or removed.</summary>
public sealed record BookDiff<T>(
    IReadOnlyList<T> Added,
    IReadOnlyList<(T Old, T New)> Updated,
    IReadOnlyList<T> Removed)
    where T : class
{
    public bool IsEmpty => Added.Count + Updated.Count + Removed.Count == 0;
}
