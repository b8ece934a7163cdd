using Microsoft.Extensions.Time.Testing;
using OpenWxCluster.Media;

namespace OpenWxCluster.Grains.UnitTests.Media;

/// <summary>The folder store: bytes back as stored, stored once per key, bounded by total bytes and by age.</summary>
public sealed class FileMediaStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "openwx-media-test-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_media_is_read_back_as_stored_and_a_second_put_of_its_key_keeps_the_first()
    {
        var store = Store();
        var key = new MediaKey("wx/a", "1001");

        var first = await store.PutAsync(key, "image/png", "1001.png", new byte[] { 1, 2, 3 });
        var second = await store.PutAsync(key, "image/png", "1001.png", new byte[] { 9, 9, 9, 9 });

        Assert.Equal(first, second);
        Assert.Equal(3, first.Size);
        Assert.EndsWith(".png", first.Path);
        Assert.Equal(new byte[] { 1, 2, 3 }, await File.ReadAllBytesAsync(first.Path));
        var read = await store.ReadAsync(key);
        Assert.Equal(new byte[] { 1, 2, 3 }, read!.Data);
        Assert.Equal("image/png", read.Info.Mime);
        Assert.Null(await store.ReadAsync(new MediaKey("wx/b", "1001")));
    }

    [Fact]
    public async Task Past_the_byte_cap_the_oldest_media_are_evicted()
    {
        var store = Store(maxTotalBytes: 2_500);
        var keys = Enumerable.Range(1, 3).Select(i => new MediaKey("wx/cap", $"{i}")).ToList();
        foreach (var key in keys)
        {
            await store.PutAsync(key, "application/octet-stream", $"{key.MsgId}.dat", new byte[1_000]);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Null(await store.FindAsync(keys[0]));
        Assert.NotNull(await store.ReadAsync(keys[1]));
        Assert.NotNull(await store.ReadAsync(keys[2]));
        Assert.True(Directory.EnumerateFiles(_folder).Sum(f => new FileInfo(f).Length) <= 2_500);
    }

    [Fact]
    public async Task Media_past_the_age_limit_are_no_longer_served_and_are_deleted_at_the_next_put()
    {
        var store = Store(maxAge: TimeSpan.FromHours(1));
        var old = new MediaKey("wx/age", "1");
        var stored = await store.PutAsync(old, "audio/mp3", "1.mp3", new byte[10]);
        _time.Advance(TimeSpan.FromHours(2));

        Assert.Null(await store.ReadAsync(old));
        await store.PutAsync(new MediaKey("wx/age", "2"), "audio/mp3", "2.mp3", new byte[10]);

        Assert.False(File.Exists(stored.Path));
        Assert.Equal(2, Directory.EnumerateFiles(_folder).Count()); // the new media and its description
    }

    private FileMediaStore Store(long maxTotalBytes = 1L << 30, TimeSpan? maxAge = null) =>
        new(new MediaStoreOptions { Folder = _folder, MaxTotalBytes = maxTotalBytes, MaxAge = maxAge ?? TimeSpan.FromDays(7) }, _time);
}
