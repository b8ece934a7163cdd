using OpenWxCluster.Emulator.Control;
using OpenWxCluster.TestKit;
using Xunit.Abstractions;

namespace OpenWxCluster.Process.Tests;

/// <summary>
/// The whole cluster crashes (every silo SIGKILLed, no graceful shutdown) while messages keep arriving upstream; when
/// the silos start again the accounts resume by themselves from PostgreSQL, without a scan, and every message sent
/// while nothing ran reaches the user exactly once. Own cluster: it kills every silo.
/// </summary>
public sealed class ClusterCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Accounts = 3;
    private static readonly TimeSpan ResumeBudget = TimeSpan.FromSeconds(60);
    private readonly ProcessClusterFixture _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task After_every_silo_is_killed_and_restarted_accounts_resume_and_messages_sent_meanwhile_arrive_exactly_once()
    {
        var world = _cluster.Emulator.World;
        var api = new OpenWxHttpApi(_cluster.SiloA.Http);
        var clients = Enumerable.Range(0, Accounts).Select(i => $"crash{i}").ToArray();
        foreach (var client in clients)
        {
            world.CreateAccountWithFriend(client, "Pal" + client);
            await api.LoginAsync(world, client, client + "_bot");
        }
        var loginsBefore = world.ListLogins().Count;
        var sessionsBefore = clients.ToDictionary(c => c, c => world.GetSession(c + "_bot")!.LoggedInAt);

        _cluster.CrashAll();
        var expected = clients.ToDictionary(c => c, c => Enumerable.Range(1, 3).Select(i => $"while down {c} #{i}").ToList());
        foreach (var (client, contents) in expected)
        {
            foreach (var content in contents)
            {
                world.SendText(client + "_pal", client + "_bot", content);
            }
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _cluster.RestartAll();
        // No API call until the emulator shows every account synced what was sent while the cluster was down.
        await Task.WhenAll(clients.Select(c => world.WaitUntilAcknowledgedAsync(c + "_bot", ResumeBudget)));
        TestFigures.Record("cluster-crash", $"{Accounts} accounts synced again {clock.Elapsed.TotalSeconds:F1} s after every silo was SIGKILLed and restarted (budget {ResumeBudget.TotalSeconds:F0} s)");
        output.WriteLine($"resumed {clock.Elapsed.TotalSeconds:F1} s after the restart began");

        Assert.Equal(loginsBefore, world.ListLogins().Count);
        foreach (var client in clients)
        {
            Assert.Equal(sessionsBefore[client], world.GetSession(client + "_bot")?.LoggedInAt);
        }

        await _cluster.SiloA.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var restartedApi = new OpenWxHttpApi(_cluster.SiloA.Http);
        foreach (var client in clients)
        {
            var ledger = new DeliveryLedger(restartedApi, client);
            var barrier = $"barrier {client}";
            world.SendText(client + "_pal", client + "_bot", barrier);
            await ledger.CollectUntilAsync(barrier, TimeSpan.FromSeconds(30));
            ledger.AssertExactlyOnce([.. expected[client], barrier]);
        }
    }
}
