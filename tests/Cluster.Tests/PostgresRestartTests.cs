using Npgsql;
using Orleans.TestingHost;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// State and session in real PostgreSQL: after every silo of the cluster is gone and a new cluster starts, the
/// account resumes running by itself, without a new QR scan, and keeps receiving and sending.
/// </summary>
public sealed class PostgresRestartTests : IAsyncLifetime
{
    private PostgresWithEmulator _env = null!;

    public async Task InitializeAsync() => _env = await PostgresWithEmulator.StartAsync("restart");

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task Account_resumes_running_after_a_full_cluster_restart_without_a_scan()
    {
        var world = _env.Emulator.World;
        world.CreateUser(new CreateUserRequest { Wxid = "pg_carol", NickName = "Carol" });
        world.CreateUser(new CreateUserRequest { Wxid = "pg_bot", NickName = "PgBot", Friends = ["pg_carol"] });
        var serviceId = "restart-" + Guid.NewGuid().ToString("N")[..8];

        string userIdBefore;
        await using (var first = await StartClusterAsync(serviceId))
        await using (var web = await WebFrontHost.StartAsync(first.Client))
        {
            var api = new OpenWxHttpApi(web.Http);
            await api.LoginAsync(world, "pg", "pg_bot");
            userIdBefore = (await api.GetAsync("get_user_info", ("client", "pg"))).GetProperty("id").GetString()!;
        }
        Assert.True(await CountRowsAsync("account") >= 1, "the account state is stored in PostgreSQL");
        var loginsBefore = world.ListLogins().Count;

        await using var second = await StartClusterAsync(serviceId);
        // Nobody calls the account: the silo's recovery sweep must bring it back, which shows as the injected
        // message reaching the account's check_event inbox (a different grain) without any call to the account.
        world.SendText("pg_carol", "pg_bot", "are you back?");
        var inbox = second.Client.GetGrain<IEventInboxGrain>(AccountKey.WeChatClient("pg"));
        await Eventually.TrueAsync(async () => (await inbox.GetInfoAsync()).Pending > 0, TimeSpan.FromSeconds(20), "the message in the inbox");

        await using var web2 = await WebFrontHost.StartAsync(second.Client);
        var api2 = new OpenWxHttpApi(web2.Http);
        Assert.Equal("running", await api2.StateAsync("pg"));
        Assert.Equal(loginsBefore, world.ListLogins().Count);
        Assert.Equal(userIdBefore, (await api2.GetAsync("get_user_info", ("client", "pg"))).GetProperty("id").GetString());

        var received = await api2.WaitForEventAsync("pg", e => e.GetProperty("content").GetString() == "are you back?");
        Assert.Equal("Carol", received.GetProperty("sender_name").GetString());
        var sent = await api2.GetAsync("send_friend_message", ("client", "pg"), ("displayname", "Carol"), ("content", "yes"));
        Assert.Equal(0, sent.GetProperty("code").GetInt32());
        Assert.Contains(world.GetSent("pg_bot"), m => m.Content == "yes");
    }

    private Task<InProcessTestCluster> StartClusterAsync(string serviceId) => _env.StartClusterAsync(serviceId);

    private async Task<long> CountRowsAsync(string grainType)
    {
        await using var connection = new NpgsqlConnection(_env.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from orleansstorage where graintypestring = @t and payloadbinary is not null", connection);
        command.Parameters.AddWithValue("t", grainType);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
