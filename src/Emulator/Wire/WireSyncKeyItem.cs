namespace OpenWxCluster.Emulator.Wire;

public sealed record WireSyncKeyItem(int Key, long Val);
