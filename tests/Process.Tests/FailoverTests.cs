using System.Diagnostics;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.TestKit;
using Xunit.Abstractions;

namespace OpenWxCluster.Process.Tests;

[Collection(ProcessCollection.Name)]
public sealed class FailoverTests(ProcessClusterFixture fixture, ITestOutputHelper output)
{
    private const int Accounts = 4;
    private static readonly TimeSpan RecoveryBudget = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Accounts_resume_on_the_surviving_silo_after_a_SIGKILL_without_a_new_qr_scan()
    {
        var world = fixture.Emulator.World;
        var apiA = new OpenWxHttpApi(fixture.SiloA.Http);
        var clients = Enumerable.Range(0, Accounts).Select(i => $"fo{i}").ToArray();
        foreach (var client in clients)
        {
            world.CreateUser(new CreateUserRequest { Wxid = client + "_pal", NickName = "Pal" + client });
            world.CreateUser(new CreateUserRequest { Wxid = client + "_bot", NickName = "Bot" + client, Friends = [client + "_pal"] });
        }

        var hosts = new Dictionary<string, ClientReport>();
        foreach (var client in clients)
        {
            hosts[client] = await apiA.LoginAsync(world, client, client + "_bot");
        }
        // Placement is random: kill B if it hosts any account, else A (which then hosts them all).
        var victim = hosts.Values.Any(h => h.IsOnSiloPort(fixture.SiloB.SiloPort)) ? fixture.SiloB : fixture.SiloA;
        var survivor = victim == fixture.SiloA ? fixture.SiloB : fixture.SiloA;
        var moved = hosts.Where(h => h.Value.IsOnSiloPort(victim.SiloPort)).Select(h => h.Key).ToArray();
        Assert.NotEmpty(moved);
        output.WriteLine($"hosts: {string.Join(", ", hosts.Select(h => $"{h.Key}@{h.Value.Silo}"))}; killing {victim.Name}");

        var loginsBefore = world.ListLogins().Select(l => l.Uuid).ToHashSet();
        var sessionsBefore = clients.ToDictionary(c => c, c => world.GetSession(c + "_bot") ?? throw new InvalidOperationException(c));

        var clock = Stopwatch.StartNew();
        victim.Kill();
        var survivorApi = new OpenWxHttpApi(survivor.Http);
        var pending = clients.ToHashSet();
        while (pending.Count > 0 && clock.Elapsed < RecoveryBudget)
        {
            var probes = await Task.WhenAll(pending.Select(async c => (Client: c, Report: await survivorApi.TryClientAsync(c, TimeSpan.FromSeconds(3)))));
            foreach (var (client, report) in probes)
            {
                if (report is { State: "running" } && report.IsOnSiloPort(survivor.SiloPort))
                {
                    pending.Remove(client);
                }
            }
            if (pending.Count > 0)
            {
                await Task.Delay(50);
            }
        }
        var recovery = clock.Elapsed;
        output.WriteLine($"failover: {moved.Length} of {Accounts} accounts lived on the killed silo; all {Accounts} running on the survivor {recovery.TotalSeconds:F2} s after SIGKILL");
        Assert.True(pending.Count == 0,
            $"not running on the survivor {recovery} after the kill: {string.Join(", ", pending)}\n{survivor.ReadLog()}");

        // Resumed, not logged in again: no new QR login at the emulator, the same web session.
        Assert.DoesNotContain(world.ListLogins(), l => !loginsBefore.Contains(l.Uuid));
        foreach (var client in clients)
        {
            var session = world.GetSession(client + "_bot");
            Assert.NotNull(session);
            var before = sessionsBefore[client];
            Assert.Equal(before.UserName, session.UserName);
            Assert.Equal(before.Uin, session.Uin);
            Assert.Equal(before.LoggedInAt, session.LoggedInAt);
            Assert.Equal(0, session.InvalidRetCode);
        }

        var movedClient = moved[0];
        world.SendText(movedClient + "_pal", movedClient + "_bot", "after the failover");
        var received = await survivorApi.WaitForEventAsync(movedClient, e =>
            e.GetProperty("post_type").GetString() == "receive_message"
            && e.GetProperty("content").GetString() == "after the failover", TimeSpan.FromSeconds(30));
        Assert.Equal("friend_message", received.GetProperty("type").GetString());

        var sent = await survivorApi.GetAsync("send_friend_message",
            ("client", movedClient), ("displayname", "Pal" + movedClient), ("content", "sent by the survivor"));
        Assert.Equal(0, sent.GetProperty("code").GetInt32());
        Assert.Contains(world.GetSent(movedClient + "_bot"), m => m.Content == "sent by the survivor" && m.To == movedClient + "_pal");
    }
}
