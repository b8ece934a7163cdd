namespace OpenWxCluster.Contracts;

/// <summary>
/// The account's state with its groups and its user, read together in one call (get_group_info and
/// get_group_basic_info's check and answer; the user gives Openqq the account's own role in each group). Groups are
/// given only while the account is running; otherwise null.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.GroupsWithState")]
public sealed record GroupsWithState(
    [property: Id(0)] ClientState State,
    [property: Id(1)] IReadOnlyList<GroupInfo>? Groups,
    [property: Id(2)] ContactInfo? User);
