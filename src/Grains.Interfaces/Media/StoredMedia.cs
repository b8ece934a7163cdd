namespace OpenWxCluster.Contracts;

/// <summary>A stored media and its bytes.</summary>
public sealed record StoredMedia(MediaInfo Info, byte[] Data);
