namespace OpenWxCluster.Contracts;

/// <summary>
/// What a contact update did, diffed by the contact grain that held the old state, so one call per sync batch gives
/// the account every new_*/lose_*/*_property_change event with full data.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.ContactChanges")]
public sealed record ContactChanges(
    [property: Id(0)] IReadOnlyList<string> Added,
    [property: Id(1)] IReadOnlyList<string> Updated,
    [property: Id(2)] IReadOnlyList<string> Removed)
{
    public static ContactChanges None { get; } = new([], [], []);

    /// <summary>Removed friends as they were known before the removal.</summary>
    [Id(3)] public IReadOnlyList<ContactInfo> RemovedFriends { get; init; } = [];

    /// <summary>Removed groups (with members) as they were known before the removal.</summary>
    [Id(4)] public IReadOnlyList<GroupInfo> RemovedGroups { get; init; } = [];

    /// <summary>Changed fields of known friends, groups and group members, in update order.</summary>
    [Id(5)] public IReadOnlyList<PropertyChange> Properties { get; init; } = [];

    [Id(6)] public IReadOnlyList<MemberChange> MembersJoined { get; init; } = [];

    [Id(7)] public IReadOnlyList<MemberChange> MembersLeft { get; init; } = [];
}
