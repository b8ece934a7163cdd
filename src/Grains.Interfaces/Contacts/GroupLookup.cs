namespace OpenWxCluster.Contracts;

/// <summary>
/// Group lookups, ANDed (none finds nothing): Openwx uses only <c>id</c> and <c>displayname</c>; Openqq also
/// <c>uid</c> (the group number) and <c>name</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.GroupLookup")]
public sealed record GroupLookup(
    [property: Id(0)] string? Id = null,
    [property: Id(1)] string? DisplayName = null,
    [property: Id(2)] string? Uid = null,
    [property: Id(3)] string? Name = null)
{
    public bool IsEmpty => Id is null && DisplayName is null && Uid is null && Name is null;

    public bool Matches(GroupInfo g) =>
        !IsEmpty
        && (Id is null || g.Id == Id)
        && (DisplayName is null || g.DisplayName == DisplayName)
        && (Uid is null || g.Uid == Uid)
        && (Name is null || g.Name == Name);
}
