namespace OpenWxCluster.Contracts;

/// <summary>
/// Where received media bytes live, so events carry only a reference (Orleans messages and saved state stay small).
/// The host provides it: a bounded folder by default, a PostgreSQL table when the cluster runs on PostgreSQL so any
/// silo or web front can serve a media another one stored.
/// </summary>
public interface IMediaStore
{
    /// <summary>
    /// Stores the bytes under <paramref name="key"/> unless that key is already stored, and returns what is stored
    /// (the first bytes win: a batch replayed after a crash must not store a media twice).
    /// </summary>
    Task<MediaInfo> PutAsync(MediaKey key, string mime, string name, ReadOnlyMemory<byte> data, CancellationToken cancellation = default);

    /// <summary>The stored media's description, or null (never stored, or evicted).</summary>
    Task<MediaInfo?> FindAsync(MediaKey key, CancellationToken cancellation = default);

    /// <summary>The stored media with its bytes, or null.</summary>
    Task<StoredMedia?> ReadAsync(MediaKey key, CancellationToken cancellation = default);
}
