namespace OpenWxCluster.Contracts;

/// <summary>
/// The account's state with all its friends, read together in one call (get_friend_info's check and answer).
/// Friends are given only while the account is running; otherwise null.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.FriendsWithState")]
public sealed record FriendsWithState(
    [property: Id(0)] ClientState State,
    [property: Id(1)] IReadOnlyList<ContactInfo>? Friends);
