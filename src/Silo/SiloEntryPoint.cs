namespace OpenWxCluster.Silo;

/// <summary>Marker type for WebApplicationFactory (avoids the two-Program clash, pitfall P6).</summary>
public sealed class SiloEntryPoint;
