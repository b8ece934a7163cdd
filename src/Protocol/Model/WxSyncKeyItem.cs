namespace OpenWxCluster.Protocol;

/// <summary>One SyncKey entry.</summary>
public sealed record WxSyncKeyItem(int Key, long Val);
