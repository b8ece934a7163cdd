namespace OpenWxCluster.Contracts;

/// <summary>
/// Mojo's <c>search_friend</c>: the given keys are ANDed with exact string equality; no key at all finds nothing.
/// Openwx looks up by id, account, displayname and markname; Openqq by id, uid (the QQ number), name and displayname.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.FriendLookup")]
public sealed record FriendLookup(
    [property: Id(0)] string? Id = null,
    [property: Id(1)] string? Account = null,
    [property: Id(2)] string? DisplayName = null,
    [property: Id(3)] string? Markname = null,
    [property: Id(4)] string? Uid = null,
    [property: Id(5)] string? Name = null)
{
    public bool IsEmpty => Id is null && Account is null && DisplayName is null && Markname is null && Uid is null && Name is null;

    public bool Matches(ContactInfo c) =>
        !IsEmpty
        && (Id is null || c.Id == Id)
        && (Account is null || c.Account == Account)
        && (DisplayName is null || c.DisplayName == DisplayName)
        && (Markname is null || c.Markname == Markname)
        && (Uid is null || c.Uid == Uid)
        && (Name is null || c.Name == Name);
}
