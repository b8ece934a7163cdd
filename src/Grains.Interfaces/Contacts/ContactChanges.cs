namespace OpenWxCluster.Grains;

/// <summary>Which ids a contact update added, changed or removed (drives new_*/lose_* events).</summary>
[GenerateSerializer, Immutable, Alias("openwx.ContactChanges")]
public sealed record ContactChanges(
    [property: Id(0)] IReadOnlyList<string> Added,
    [property: Id(1)] IReadOnlyList<string> Updated,
    [property: Id(2)] IReadOnlyList<string> Removed)
{
    public static ContactChanges None { get; } = new([], [], []);
}
