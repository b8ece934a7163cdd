namespace OpenWxCluster.Emulator.Wire;

public sealed record WireSyncKey(int Count, IReadOnlyList<WireSyncKeyItem> List);
