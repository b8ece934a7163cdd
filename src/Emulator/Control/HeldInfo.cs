namespace OpenWxCluster.Emulator.Control;

/// <summary>GET /control/faults/held: requests a <c>hold</c> fault holds now.</summary>
public sealed record HeldInfo(int Held);
