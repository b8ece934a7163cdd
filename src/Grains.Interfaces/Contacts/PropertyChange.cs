namespace OpenWxCluster.Contracts;

/// <summary>
/// One field of a known friend, group or group member that a contact update changed. <see cref="Property"/> is the
/// field's name as the records spell it in snake case (name, markname, owner_uid...), <see cref="Contact"/> and
/// <see cref="Group"/> are the objects after the change: a friend has only <see cref="Contact"/>, a group only
/// <see cref="Group"/>, a group member both (the member and its group).
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.PropertyChange")]
public sealed record PropertyChange
{
    [Id(0)] public ContactInfo? Contact { get; init; }
    [Id(1)] public GroupInfo? Group { get; init; }
    [Id(2)] public required string Property { get; init; }
    [Id(3)] public required string OldValue { get; init; }
    [Id(4)] public required string NewValue { get; init; }

    public bool IsMember => Contact is not null && Group is not null;
}
