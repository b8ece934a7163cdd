namespace OpenWxCluster.Grains.Account;

[GenerateSerializer, Immutable, Alias("openwx.SessionCookie")]
public sealed record SessionCookie([property: Id(0)] string Name, [property: Id(1)] string Value, [property: Id(2)] string Domain);
