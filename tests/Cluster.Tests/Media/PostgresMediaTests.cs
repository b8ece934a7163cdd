using Microsoft.Extensions.DependencyInjection;
using OpenWxCluster.Media;
using OpenWxCluster.TestKit;
using static OpenWxCluster.Cluster.Tests.Media.MediaSamples;

namespace OpenWxCluster.Cluster.Tests.Media;

/// <summary>
/// On PostgreSQL a silo stores a received media in the database and the web front, a separate process-like host
/// with its own store instance (no shared folder), serves it: in check_event's media_data and from get_media.
/// </summary>
public sealed class PostgresMediaTests : IAsyncLifetime
{
    private PostgresWithEmulator _env = null!;

    public async Task InitializeAsync() => _env = await PostgresWithEmulator.StartAsync("media");

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task A_media_a_silo_stored_in_postgres_is_served_by_the_web_front()
    {
        var cs = _env.ConnectionString;
        void UsePostgres(IServiceCollection services) => services.Configure<MediaStoreOptions>(o =>
        {
            o.ConnectionString = cs;
            o.Folder = Path.Combine(Path.GetTempPath(), "openwx-media-unused-" + Guid.NewGuid().ToString("N")); // never written
        });
        await using var cluster = await _env.StartClusterAsync("media-" + Guid.NewGuid().ToString("N")[..8], silo => UsePostgres(silo.Services));
        await using var web = await WebFrontHost.StartAsync(cluster.Client, services: UsePostgres);
        var world = _env.Emulator.World;
        world.CreateAccountWithFriend("pgmed", "PgPal");
        var api = new OpenWxHttpApi(web.Http);
        await api.LoginAsync(world, "pgmed", "pgmed_bot");

        var image = Png(21);
        var sent = Send(world, "pgmed_pal", "pgmed_bot", 3, image, mime: "image/png");

        var entry = await api.WaitForEventAsync("pgmed", e => e.TryGetProperty("id", out var id) && id.GetString() == sent.MsgId, TimeSpan.FromSeconds(30));
        AssertCarries(entry, image, "image/png");
        Assert.Equal($"postgres:wx/pgmed:{sent.MsgId}", entry.GetProperty("media_path").GetString());
        await AssertServedAsync(web.Http, "pgmed", sent.MsgId, image, "image/png");
        Assert.Equal(1, world.MediaDownloads(sent.MsgId));
    }
}
