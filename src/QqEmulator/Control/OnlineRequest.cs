namespace OpenWxCluster.QqEmulator.Control;

/// <summary>PUT /control/bots/{selfId}/online.</summary>
public sealed record OnlineRequest(bool Online);
