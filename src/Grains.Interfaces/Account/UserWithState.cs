namespace OpenWxCluster.Contracts;

/// <summary>The logged-in user (null before login) with the account's state, read together in one call.</summary>
[GenerateSerializer, Immutable, Alias("openwx.UserWithState")]
public sealed record UserWithState(
    [property: Id(0)] ClientState State,
    [property: Id(1)] ContactInfo? User);
