namespace OpenWxCluster.QqEmulator.Control;

/// <summary>PUT /control/hold: the next <see cref="Count"/> calls of the OneBot action <see cref="Action"/> are held until released.</summary>
public sealed record HoldRequest(string Action, int Count);
