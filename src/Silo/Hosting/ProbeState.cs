namespace OpenWxCluster.Silo.Hosting;

/// <summary>The (never written) state the storage readiness probe reads.</summary>
[GenerateSerializer, Alias("openwx.ProbeState")]
public sealed class ProbeState
{
    [Id(0)] public int Value { get; set; }
}
