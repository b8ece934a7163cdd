namespace OpenWxCluster.Contracts;

/// <summary>A member who joined or left a known group, with the group as it is after the change (without members).</summary>
[GenerateSerializer, Immutable, Alias("openwx.MemberChange")]
public sealed record MemberChange(
    [property: Id(0)] ContactInfo Member,
    [property: Id(1)] GroupInfo Group);
