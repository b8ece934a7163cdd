using OpenWxCluster.QqEmulator;
using OpenWxCluster.QqEmulator.World;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Qq;

/// <summary>
/// The OneBot implementation itself goes away (its process ends) and comes back on the same address: the account
/// is offline with the cause the API gives (unreachable), then running again by itself, and messages flow.
/// </summary>
public sealed class OpenqqRestartTests(QqClusterFixture fx) : IClassFixture<QqClusterFixture>
{
    [Fact]
    public async Task An_implementation_that_stops_and_starts_again_turns_the_account_offline_then_running()
    {
        var port = FreePort.Next();
        const string client = "qq_restart";
        var options = new QqEmulatorOptions
        {
            Port = port,
            AccessToken = QqClusterFixture.Token,
            Secret = QqClusterFixture.Secret,
            PostUrls = [new Uri(fx.Http.BaseAddress!, "onebot/" + client)],
        };
        var implementation = await StartSeededAsync(options);
        try
        {
            var started = await fx.Api.GetAsync("start_client", ("client", client), ("onebot_url", $"http://127.0.0.1:{port}"),
                ("onebot_token", QqClusterFixture.Token), ("onebot_secret", QqClusterFixture.Secret));
            Assert.Equal(0, started.GetProperty("code").GetInt32());
            await fx.Api.WaitForStateAsync(client, "running");

            await implementation.DisposeAsync();
            var offline = await fx.Api.WaitForClientEntryAsync(client, e => e.GetProperty("state").GetString() == "offline", "offline");
            Assert.Equal("transport", offline.GetProperty("offline_cause").GetString());

            implementation = await StartSeededAsync(options);
            await fx.Api.WaitForStateAsync(client, "running");
            var message = implementation.World.UserSendsPrivate(QqClusterFixture.Alice, QqClusterFixture.Bot, [MessageSegment.Text("after the restart")]);
            var seen = await fx.Api.WaitForEventAsync(client, e => OpenqqEventTests.S(e, "id") == OpenqqEventTests.Id(message));
            Assert.Equal("after the restart", OpenqqEventTests.S(seen, "content"));
        }
        finally
        {
            await implementation.DisposeAsync();
        }
    }

    private static async Task<QqEmulatorHost> StartSeededAsync(QqEmulatorOptions options)
    {
        var host = await QqEmulatorHost.StartAsync(options);
        host.World.CreateBot(QqClusterFixture.Bot, "Bot");
        host.World.CreateUser(new QqUser(QqClusterFixture.Alice, "Alice"));
        host.World.CreateFriendship(QqClusterFixture.Bot, QqClusterFixture.Alice);
        return host;
    }
}
