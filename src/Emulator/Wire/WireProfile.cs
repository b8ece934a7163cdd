namespace OpenWxCluster.Emulator.Wire;

/// <summary>webwxsync's Profile; BitFlag 0 means "no profile change".</summary>
public sealed record WireProfile(int BitFlag);
