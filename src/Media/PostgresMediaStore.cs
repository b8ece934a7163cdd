using Npgsql;
using NpgsqlTypes;

namespace OpenWxCluster.Media;

/// <summary>
/// Media in the <c>openwx_media</c> table (schema: src/Persistence/Sql/040-media.sql), so every silo and web front
/// of a PostgreSQL cluster serves a media any of them stored. Bytes are <c>bytea</c>: a media is at most 20 MB, far
/// under bytea's 1 GB, TOAST keeps it out of line, and deleting the row frees it (large objects would need
/// <c>lo_unlink</c> and leak when a delete forgets it). After each put the rows past the age limit and the oldest
/// past the byte cap are deleted in one statement.
/// </summary>
public sealed class PostgresMediaStore : IMediaStore, IAsyncDisposable
{
    private const string InsertSql = """
        INSERT INTO openwx_media (media_key, account_key, msg_id, mime, name, size, data, stored_at)
        VALUES (@key, @account, @msg, @mime, @name, @size, @data, @now)
        ON CONFLICT (media_key) DO NOTHING
        """;

    private const string EvictSql = """
        DELETE FROM openwx_media
        WHERE stored_at < @cutoff
           OR media_key IN (SELECT media_key FROM (
                  SELECT media_key, sum(size) OVER (ORDER BY stored_at DESC, media_key DESC) AS newer_total
                  FROM openwx_media) ranked
              WHERE newer_total > @cap)
        """;

    private const string FindSql = "SELECT mime, name, size FROM openwx_media WHERE media_key = @key AND stored_at >= @cutoff";
    private const string ReadSql = "SELECT mime, name, size, data FROM openwx_media WHERE media_key = @key AND stored_at >= @cutoff";

    private readonly NpgsqlDataSource _db;
    private readonly MediaStoreOptions _options;
    private readonly TimeProvider _time;

    public PostgresMediaStore(MediaStoreOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ConnectionString);
        _db = NpgsqlDataSource.Create(options.ConnectionString);
        _options = options;
        _time = time;
    }

    public async Task<MediaInfo> PutAsync(MediaKey key, string mime, string name, ReadOnlyMemory<byte> data, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetUtcNow();
        await using (var insert = _db.CreateCommand(InsertSql))
        {
            insert.Parameters.AddWithValue("key", key.ToString());
            insert.Parameters.AddWithValue("account", key.AccountKey);
            insert.Parameters.AddWithValue("msg", key.MsgId);
            insert.Parameters.AddWithValue("mime", mime);
            insert.Parameters.AddWithValue("name", name);
            insert.Parameters.AddWithValue("size", (long)data.Length);
            insert.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>>("data", NpgsqlDbType.Bytea) { TypedValue = data });
            insert.Parameters.AddWithValue("now", now);
            await insert.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }
        await using (var evict = _db.CreateCommand(EvictSql))
        {
            evict.Parameters.AddWithValue("cutoff", now - _options.MaxAge);
            evict.Parameters.AddWithValue("cap", _options.MaxTotalBytes);
            await evict.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }
        // The stored row wins over these bytes (a replayed batch); evicted at once only if larger than the cap.
        return await FindAsync(key, cancellation).ConfigureAwait(false) ?? new MediaInfo(key, PathOf(key), mime, name, data.Length);
    }

    public async Task<MediaInfo?> FindAsync(MediaKey key, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var find = Query(FindSql, key);
        await using var reader = await find.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        return await reader.ReadAsync(cancellation).ConfigureAwait(false)
            ? new MediaInfo(key, PathOf(key), reader.GetString(0), reader.GetString(1), reader.GetInt64(2))
            : null;
    }

    public async Task<StoredMedia?> ReadAsync(MediaKey key, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var read = Query(ReadSql, key);
        await using var reader = await read.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            return null;
        }
        var info = new MediaInfo(key, PathOf(key), reader.GetString(0), reader.GetString(1), reader.GetInt64(2));
        return new StoredMedia(info, reader.GetFieldValue<byte[]>(3));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    /// <summary>Not a file: the locator reported as <c>media_path</c>; the bytes come from get_media.</summary>
    private static string PathOf(MediaKey key) => $"postgres:{key}";

    private NpgsqlCommand Query(string sql, MediaKey key)
    {
        var command = _db.CreateCommand(sql);
        command.Parameters.AddWithValue("key", key.ToString());
        command.Parameters.AddWithValue("cutoff", _time.GetUtcNow() - _options.MaxAge);
        return command;
    }
}
