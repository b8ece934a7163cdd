using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OpenWxCluster.Media;

/// <summary>
/// Media in a folder: <c>&lt;hash&gt;.&lt;ext&gt;</c> holds the bytes (its path is the Mojo-style <c>media_path</c>),
/// <c>&lt;hash&gt;.meta</c> the description, written last so a crash mid-put leaves no half media. The meta file's
/// write time is set from the <see cref="TimeProvider"/>; after each put the oldest media are evicted past
/// <see cref="MediaStoreOptions.MaxTotalBytes"/> or <see cref="MediaStoreOptions.MaxAge"/>. The folder is read
/// afresh at each eviction, so several processes may share it.
/// </summary>
public sealed class FileMediaStore(MediaStoreOptions options, TimeProvider time) : IMediaStore
{
    private const string MetaExt = ".meta";
    private readonly SemaphoreSlim _evicting = new(1, 1);
    private readonly string _folder = System.IO.Path.GetFullPath(options.Folder);

    public async Task<MediaInfo> PutAsync(MediaKey key, string mime, string name, ReadOnlyMemory<byte> data, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (await FindAsync(key, cancellation).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }
        Directory.CreateDirectory(_folder);
        var stem = Stem(key);
        var file = $"{stem}.{MediaExtensions.Of(name, mime)}";
        await WriteAtomicallyAsync(System.IO.Path.Combine(_folder, file), data, cancellation).ConfigureAwait(false);
        var meta = new FileMediaMeta(key.AccountKey, key.MsgId, mime, name, data.Length, file);
        var metaPath = MetaPath(stem);
        await WriteAtomicallyAsync(metaPath, JsonSerializer.SerializeToUtf8Bytes(meta), cancellation).ConfigureAwait(false);
        File.SetLastWriteTimeUtc(metaPath, time.GetUtcNow().UtcDateTime);
        await EvictAsync().ConfigureAwait(false);
        return Info(key, meta);
    }

    public async Task<MediaInfo?> FindAsync(MediaKey key, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var meta = await ReadMetaAsync(key, cancellation).ConfigureAwait(false);
        return meta is null ? null : Info(key, meta);
    }

    public async Task<StoredMedia?> ReadAsync(MediaKey key, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (await ReadMetaAsync(key, cancellation).ConfigureAwait(false) is not { } meta)
        {
            return null;
        }
        try
        {
            var data = await File.ReadAllBytesAsync(System.IO.Path.Combine(_folder, meta.File), cancellation).ConfigureAwait(false);
            return new StoredMedia(Info(key, meta), data);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null; // evicted between the two reads
        }
    }

    private MediaInfo Info(MediaKey key, FileMediaMeta meta) =>
        new(key, System.IO.Path.Combine(_folder, meta.File), meta.Mime, meta.Name, meta.Size);

    private async Task<FileMediaMeta?> ReadMetaAsync(MediaKey key, CancellationToken cancellation)
    {
        var path = MetaPath(Stem(key));
        try
        {
            if (time.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(path) > options.MaxAge)
            {
                return null; // past its age: no longer served, the next eviction deletes it
            }
            var meta = JsonSerializer.Deserialize<FileMediaMeta>(await File.ReadAllBytesAsync(path, cancellation).ConfigureAwait(false));
            // A hash collision would name another media: only an exact key match counts.
            return meta is not null && meta.Account == key.AccountKey && meta.MsgId == key.MsgId
                   && File.Exists(System.IO.Path.Combine(_folder, meta.File)) ? meta : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Deletes media past the age limit, then the oldest until the rest fit the byte cap.</summary>
    private async Task EvictAsync()
    {
        await _evicting.WaitAsync().ConfigureAwait(false);
        try
        {
            // Directory listing has no async API: keep it off the caller's (grain) thread.
            await Task.Run(EvictNow).ConfigureAwait(false);
        }
        finally
        {
            _evicting.Release();
        }
    }

    private void EvictNow()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var groups = new DirectoryInfo(_folder).EnumerateFiles()
            .GroupBy(f => f.Name.Split('.')[0])
            .Select(g => (Files: g.ToList(), Stored: (g.FirstOrDefault(f => f.Extension == MetaExt) ?? g.First()).LastWriteTimeUtc))
            .OrderByDescending(g => g.Stored)
            .ToList();
        long kept = 0;
        var full = false;
        foreach (var (files, stored) in groups)
        {
            var size = files.Sum(f => f.Length);
            full |= kept + size > options.MaxTotalBytes; // from here on every older media goes
            if (full || now - stored > options.MaxAge)
            {
                files.ForEach(Delete);
                continue;
            }
            kept += size;
        }
    }

    private static void Delete(FileInfo file)
    {
        try
        {
            file.Delete();
        }
        catch (IOException)
        {
            // Being read or already gone: the next eviction tries again.
        }
    }

    private string MetaPath(string stem) => System.IO.Path.Combine(_folder, stem + MetaExt);

    /// <summary>The file name stem of a key: its SHA-256 (account keys hold '/', MsgIds are the upstream's).</summary>
    private static string Stem(MediaKey key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..40];

    private static async Task WriteAtomicallyAsync(string path, ReadOnlyMemory<byte> data, CancellationToken cancellation)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temp, data, cancellation).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }
}
