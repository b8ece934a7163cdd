using Microsoft.Extensions.DependencyInjection;
using OpenWxCluster.Grains.Options;
using OpenWxCluster.TestKit;
using Xunit.Abstractions;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// PostgreSQL crashes for 15 s while messages keep arriving upstream: no event is confirmed upstream before it is
/// saved, so afterwards every message reaches a cursor-mode check_event client and a post_api receiver exactly once
/// by identity, in order.
/// </summary>
public sealed class PostgresOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(15);
    private PostgresWithEmulator _env = null!;

    public async Task InitializeAsync() => _env = await PostgresWithEmulator.StartAsync("outage", durableCommits: true);

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task Messages_arriving_during_a_15_s_database_outage_are_delivered_exactly_once()
    {
        var world = _env.Emulator.World;
        world.CreateAccountWithFriend("pgout", "OutagePal");
        await using var receiver = await WebhookReceiver.StartAsync();
        var webPort = FreePort.Next();
        await using var cluster = await _env.StartClusterAsync(
            "outage-" + Guid.NewGuid().ToString("N")[..8],
            silo => silo.Services.Configure<SyncOptions>(o => o.WatchdogPeriod = TimeSpan.FromSeconds(2)),
            $"http://127.0.0.1:{webPort}/");
        await using var web = await WebFrontHost.StartAsync(cluster.Client, webPort);
        var api = new OpenWxHttpApi(web.Http);
        await api.LoginAsync(world, "pgout", "pgout_bot", ("post_api", receiver.Url), ("post_event", "0"));
        var ledger = DeliveryLedger.CursorMode(api, "pgout", retriesErrors: true);
        // The cursor log starts at the first cursor poll: only send once that poll has reached the inbox.
        var first = ledger.CollectUntilAsync("before", TimeSpan.FromSeconds(30));
        var inbox = cluster.Client.GetGrain<IEventInboxGrain>(AccountKey.WeChatClient("pgout"));
        await Eventually.TrueAsync(async () => (await inbox.GetInfoAsync()).CursorStart is not null, TimeSpan.FromSeconds(30), "the cursor log started");
        world.SendText("pgout_pal", "pgout_bot", "before");
        await first;

        var sent = new List<string>();
        void Send(string text)
        {
            sent.Add(text);
            world.SendText("pgout_pal", "pgout_bot", text);
        }
        Send("just before the outage");
        await _env.Postgres.CrashAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < Outage; i++)
        {
            Send($"during the outage #{i}");
            await Task.Delay(500);
        }
        await _env.Postgres.RestartAsync();
        Send("after the outage");
        output.WriteLine($"{sent.Count} messages sent around a {Outage.TotalSeconds:F0} s outage");
        var resumed = System.Diagnostics.Stopwatch.StartNew();

        await ledger.CollectUntilAsync("after the outage", TimeSpan.FromSeconds(120));
        await Eventually.TrueAsync(() => Task.FromResult(receiver.Posts.Any(p => p.Content == "after the outage")), TimeSpan.FromSeconds(120), "the last post");

        TestFigures.Record("postgres-outage", $"{sent.Count} messages around a {Outage.TotalSeconds:F0} s PostgreSQL crash: 0 lost, 0 duplicated; all delivered {resumed.Elapsed.TotalSeconds:F1} s after the restart ({ledger.Errors} check_event errors meanwhile)");
        Assert.Empty(ledger.Lost);
        Assert.Equal(["before", .. sent], ledger.Received);
        var posted = receiver.Posts.Where(p => p.PostType == "receive_message").DistinctBy(p => p.EventId).Select(p => p.Content).ToList();
        Assert.Equal(["before", .. sent], posted);
    }
}
