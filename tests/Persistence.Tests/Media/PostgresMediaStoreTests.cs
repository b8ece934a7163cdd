using Microsoft.Extensions.Time.Testing;
using OpenWxCluster.Media;
using OpenWxCluster.Persistence.Tests.Infrastructure;

namespace OpenWxCluster.Persistence.Tests.Media;

/// <summary>
/// The PostgreSQL media store as two processes of a cluster use it: one instance stores, another (another silo or
/// web front) serves; a key is stored once; the table is bounded by total bytes.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMediaStoreTests(PostgresFixture fixture)
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_media_stored_by_one_instance_is_served_by_another_and_stored_once()
    {
        var cs = await fixture.CreateSchemaDatabaseAsync("media_share");
        await using var silo = Store(cs);
        await using var front = Store(cs);
        var key = new MediaKey("wx/share", "5001");
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();

        var stored = await silo.PutAsync(key, "video/mp4", "5001.mp4", bytes);
        var again = await front.PutAsync(key, "video/mp4", "5001.mp4", new byte[] { 1 });

        Assert.Equal(stored, again);
        var read = await front.ReadAsync(key);
        Assert.Equal(bytes, read!.Data);
        Assert.Equal(new MediaInfo(key, "postgres:wx/share:5001", "video/mp4", "5001.mp4", 70_000), read.Info);
        Assert.Equal(1L, await new QueryRunner(cs).ScalarAsync("SELECT count(*) FROM openwx_media"));
        Assert.Null(await front.FindAsync(new MediaKey("wx/other", "5001")));
    }

    [Fact]
    public async Task Past_the_byte_cap_or_the_age_limit_the_oldest_rows_are_deleted()
    {
        var cs = await fixture.CreateSchemaDatabaseAsync("media_bounds");
        await using var store = Store(cs, maxTotalBytes: 2_500, maxAge: TimeSpan.FromHours(1));
        var keys = Enumerable.Range(1, 3).Select(i => new MediaKey("wx/cap", $"{i}")).ToList();
        foreach (var key in keys)
        {
            await store.PutAsync(key, "application/octet-stream", $"{key.MsgId}.dat", new byte[1_000]);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(["wx/cap:2", "wx/cap:3"], await KeysAsync(cs));

        _time.Advance(TimeSpan.FromHours(2));
        Assert.Null(await store.ReadAsync(keys[2])); // past its age: not served even before the next put deletes it
        await store.PutAsync(new MediaKey("wx/cap", "4"), "application/octet-stream", "4.dat", new byte[10]);
        Assert.Equal(["wx/cap:4"], await KeysAsync(cs));
    }

    private PostgresMediaStore Store(string cs, long maxTotalBytes = 1L << 30, TimeSpan? maxAge = null) =>
        new(new MediaStoreOptions { ConnectionString = cs, MaxTotalBytes = maxTotalBytes, MaxAge = maxAge ?? TimeSpan.FromDays(7) }, _time);

    private static async Task<List<string>> KeysAsync(string cs)
    {
        await using var db = Npgsql.NpgsqlDataSource.Create(cs);
        await using var command = db.CreateCommand("SELECT media_key FROM openwx_media ORDER BY media_key");
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }
}
