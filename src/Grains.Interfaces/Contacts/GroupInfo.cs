namespace OpenWxCluster.Contracts;

/// <summary>A group with its members, as get_group_info returns it.</summary>
[GenerateSerializer, Immutable, Alias("openwx.GroupInfo")]
public sealed record GroupInfo
{
    /// <summary>Session UserName (<c>@@...</c>).</summary>
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public string Uid { get; init; } = "";
    [Id(2)] public string Name { get; init; } = "";
    [Id(3)] public string OwnerUid { get; init; } = "";
    [Id(4)] public IReadOnlyList<ContactInfo> Members { get; init; } = [];
    [Id(5)] public string EncryChatRoomId { get; init; } = "";

    /// <summary>Mojo's group displayname: the name, else the first three member names joined by 、, else 群名未知.</summary>
    public string DisplayName =>
        !string.IsNullOrEmpty(Name) ? Name
        : Members.Count > 0 ? string.Join('、', Members.Take(3).Select(m => m.DisplayName))
        : "群名未知";

    /// <summary>
    /// The group without its member list; an unnamed group keeps the first three members its displayname is
    /// made of.
    /// </summary>
    public GroupInfo Basic() => this with { Members = string.IsNullOrEmpty(Name) ? [.. Members.Take(3)] : [] };
}
