namespace OpenWxCluster.Contracts;

/// <summary>
/// A stored media as events report it: <see cref="Path"/> is the store's locator (a local file path for the folder
/// store, <c>postgres:&lt;key&gt;</c> for the PostgreSQL store).
/// </summary>
public sealed record MediaInfo(MediaKey Key, string Path, string Mime, string Name, long Size);
