namespace OpenWxCluster.WebFront;

/// <summary>Marker type of this assembly for <c>WebApplicationFactory&lt;T&gt;</c>.</summary>
public sealed class WebFrontEntryPoint;
