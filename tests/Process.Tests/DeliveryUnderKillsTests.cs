using System.Diagnostics;
using OpenWxCluster.TestKit;
using Xunit.Abstractions;

namespace OpenWxCluster.Process.Tests;

/// <summary>
/// The delivery promise under silo deaths, on PostgreSQL: 5 running accounts, a numbered series of 1,000 messages at
/// about 50/s across them, and in each of three rounds one silo SIGKILLed mid-way (then started again). Consumers: a
/// post_api receiver and a cursor-mode check_event client per account. Both see every message exactly once by
/// identity (a redelivered post repeats its event id, which the receiver drops as any user would), in order.
/// Own cluster: it kills silos.
/// </summary>
public sealed class DeliveryUnderKillsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Accounts = 5;
    private const int Messages = 1_000;
    private const int Rounds = 3;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);
    private readonly ProcessClusterFixture _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task A_thousand_messages_through_three_silo_kills_reach_webhook_and_cursor_consumers_exactly_once_in_order()
    {
        var world = _cluster.Emulator.World;
        await using var receiver = await WebhookReceiver.StartAsync();
        var api = new OpenWxHttpApi(_cluster.SiloA.Http);
        var clients = Enumerable.Range(0, Accounts).Select(i => $"kill{i}").ToArray();
        foreach (var client in clients)
        {
            world.CreateAccountWithFriend(client, "Pal" + client);
            await api.LoginAsync(world, client, client + "_bot", ("post_api", receiver.Url), ("post_event", "0"));
        }

        using var stop = new CancellationTokenSource();
        var consumers = clients.ToDictionary(c => c, c => new CursorConsumer(c, () => [.. _cluster.Silos.Where(s => s.IsAlive).Select(s => s.Http)]));
        var polling = consumers.Values.Select(c => c.RunAsync(stop.Token)).ToList();
        await WarmUpAsync(world, clients, consumers);

        var clock = Stopwatch.StartNew();
        var perRound = Messages / Rounds;
        var restart = Task.CompletedTask;
        for (var i = 0; i < Messages; i++)
        {
            var client = clients[i % Accounts];
            world.SendText(client + "_pal", client + "_bot", $"n{i:D4}");
            var round = i / perRound;
            if (round < Rounds && i == round * perRound + perRound / 2)
            {
                await restart; // never kill the last live silo
                var victim = round % 2 == 0 ? _cluster.SiloB : _cluster.SiloA;
                output.WriteLine($"message {i}: killing {victim.Name}");
                victim.Kill();
                restart = RestartLaterAsync(victim);
            }
            await Task.Delay(20);
        }
        await restart;
        foreach (var client in clients)
        {
            world.SendText(client + "_pal", client + "_bot", "barrier " + client);
        }
        await Eventually.ValueAsync(
            () => Task.FromResult(MissingBarriers(clients, receiver, consumers)),
            string.IsNullOrEmpty,
            Wait,
            "every barrier at both consumers");
        await stop.CancelAsync();
        await Task.WhenAll(polling);

        var redelivered = 0;
        foreach (var (client, index) in clients.Select((c, i) => (c, i)))
        {
            var expected = Enumerable.Range(0, Messages).Where(i => i % Accounts == index).Select(i => $"n{i:D4}").Append("barrier " + client).ToList();
            var posts = receiver.Posts.Where(p => p.Query["client"] == client && p.PostType == "receive_message" && p.Content != null && !p.Content.StartsWith("warm", StringComparison.Ordinal)).ToList();
            redelivered += posts.Count - posts.Select(p => p.EventId).Distinct().Count();
            // The receiver's view after dropping repeated event ids: each message once, in order.
            var firstPosts = posts.DistinctBy(p => p.EventId).Select(p => p.Content!).ToList();
            Assert.Equal(expected, firstPosts);

            var entries = consumers[client].Entries;
            Assert.DoesNotContain(entries, e => e.TryGetProperty("event", out var ev) && ev.GetString() == "events_lost");
            var polled = entries
                .Where(e => e.GetProperty("post_type").GetString() == "receive_message")
                .Select(e => e.GetProperty("content").GetString()!)
                .Where(c => !c.StartsWith("warm", StringComparison.Ordinal))
                .ToList();
            Assert.Equal(expected, polled);
        }
        TestFigures.Record("delivery-under-kills", $"{Messages} messages across {Accounts} accounts, {Rounds} silo SIGKILLs: 0 lost, 0 duplicated at post_api and at check_event (cursor); {redelivered} posts repeated by at-least-once redelivery (same event_id); {clock.Elapsed.TotalSeconds:F0} s");
        output.WriteLine($"redelivered posts: {redelivered}");
    }

    /// <summary>
    /// Who lacks its barrier, with the last message each consumer saw (empty: none): a timeout then tells a late
    /// consumer from a lost event, and which consumer.
    /// </summary>
    private static string MissingBarriers(string[] clients, WebhookReceiver receiver, Dictionary<string, CursorConsumer> consumers)
    {
        var posts = receiver.Posts;
        var missing = new List<string>();
        foreach (var client in clients)
        {
            var barrier = "barrier " + client;
            var own = posts.Where(p => p.Query["client"] == client && p.Content != null).ToList();
            var polled = consumers[client].Entries
                .Where(e => e.TryGetProperty("content", out _))
                .Select(e => e.GetProperty("content").GetString())
                .ToList();
            if (!own.Any(p => p.Content == barrier))
            {
                missing.Add($"{client} post_api ({own.Count} posts, last {own.LastOrDefault()?.Content ?? "none"})");
            }
            if (!polled.Contains(barrier))
            {
                missing.Add($"{client} check_event ({polled.Count} entries, last {polled.LastOrDefault() ?? "none"}; {consumers[client].Describe()})");
            }
        }
        return string.Join("; ", missing);
    }

    /// <summary>The cursor log starts at a consumer's first poll: warm up until every consumer sees a message.</summary>
    private static async Task WarmUpAsync(Emulator.World.EmulatorWorld world, string[] clients, Dictionary<string, CursorConsumer> consumers)
    {
        var deadline = DateTime.UtcNow + Wait;
        for (var n = 0; clients.Any(c => !consumers[c].Entries.Any()); n++)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the cursor consumers never started");
            }
            foreach (var client in clients.Where(c => !consumers[c].Entries.Any()))
            {
                world.SendText(client + "_pal", client + "_bot", $"warm-up {n}");
            }
            await Task.Delay(1000);
        }
    }

    private async Task RestartLaterAsync(HostProcess victim)
    {
        await Task.Delay(TimeSpan.FromSeconds(3));
        var restarted = _cluster.Restart(victim);
        await restarted.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
    }
}
