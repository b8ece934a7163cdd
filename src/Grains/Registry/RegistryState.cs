namespace OpenWxCluster.Grains.Registry;

[GenerateSerializer, Alias("openwx.RegistryState")]
public sealed class RegistryState
{
    [Id(0)] public HashSet<string> Accounts { get; set; } = new(StringComparer.Ordinal);
}
