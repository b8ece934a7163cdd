namespace OpenWxCluster.Contracts;

/// <summary>Group lookups use only <c>id</c> and <c>displayname</c> (ANDed; none finds nothing).</summary>
[GenerateSerializer, Immutable, Alias("openwx.GroupLookup")]
public sealed record GroupLookup([property: Id(0)] string? Id = null, [property: Id(1)] string? DisplayName = null)
{
    public bool IsEmpty => Id is null && DisplayName is null;

    public bool Matches(GroupInfo g) =>
        !IsEmpty && (Id is null || g.Id == Id) && (DisplayName is null || g.DisplayName == DisplayName);
}
