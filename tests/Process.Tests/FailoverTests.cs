using System.Diagnostics;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.TestKit;
using Xunit.Abstractions;

namespace OpenWxCluster.Process.Tests;

/// <summary>
/// SIGKILL of a silo process: its accounts must run again on the survivor by themselves (the recovery sweep), with
/// their session, and a message sent to them while their silo is dead must reach the user exactly once. Recovery is
/// judged from the emulator's side only (the account acknowledges the message it synced): no API call is made
/// before that, because any call to the account would reactivate it and hide a missing recovery.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class FailoverTests(ProcessClusterFixture fixture, ITestOutputHelper output)
{
    private const int Accounts = 4;
    private static readonly TimeSpan RecoveryBudget = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Accounts_resume_on_the_survivor_after_a_SIGKILL_and_messages_sent_while_dead_arrive_exactly_once()
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
        // Sent while the silo is dead and before anything recovered: only a live account can sync and confirm them.
        var expected = clients.ToDictionary(c => c, c => Enumerable.Range(1, 3).Select(i => $"while dead {c} #{i}").ToList());
        foreach (var (client, contents) in expected)
        {
            foreach (var content in contents)
            {
                world.SendText(client + "_pal", client + "_bot", content);
            }
        }
        await Task.WhenAll(moved.Select(c => world.WaitUntilAcknowledgedAsync(c + "_bot", RecoveryBudget)));
        var recovery = clock.Elapsed;
        TestFigures.Record("failover", $"{moved.Length} of {Accounts} accounts of a SIGKILLed silo synced again on the survivor {recovery.TotalSeconds:F2} s after the kill (budget {RecoveryBudget.TotalSeconds:F0} s)");
        output.WriteLine($"recovered in {recovery.TotalSeconds:F2} s");

        // Resumed, not logged in again: no new QR login at the emulator, the same web session.
        Assert.DoesNotContain(world.ListLogins(), l => !loginsBefore.Contains(l.Uuid));
        foreach (var client in clients)
        {
            var session = world.GetSession(client + "_bot");
            Assert.NotNull(session);
            var before = sessionsBefore[client];
            Assert.Equal(before.UserName, session.UserName);
            Assert.Equal(before.LoggedInAt, session.LoggedInAt);
            Assert.Equal(0, session.InvalidRetCode);
        }

        var survivorApi = new OpenWxHttpApi(survivor.Http);
        foreach (var client in clients)
        {
            Assert.True((await survivorApi.ClientAsync(client)).IsOnSiloPort(survivor.SiloPort), $"{client} is not on the survivor");
            var ledger = new DeliveryLedger(survivorApi, client);
            var barrier = $"barrier {client}";
            world.SendText(client + "_pal", client + "_bot", barrier);
            await ledger.CollectUntilAsync(barrier, TimeSpan.FromSeconds(30));
            ledger.AssertExactlyOnce([.. expected[client], barrier]);
        }

        var movedClient = moved[0];
        var sent = await survivorApi.GetAsync("send_friend_message",
            ("client", movedClient), ("displayname", "Pal" + movedClient), ("content", "sent by the survivor"));
        Assert.Equal(0, sent.GetProperty("code").GetInt32());
        Assert.Single(world.GetSent(movedClient + "_bot"), m => m.Content == "sent by the survivor" && m.To == movedClient + "_pal");
    }
}
