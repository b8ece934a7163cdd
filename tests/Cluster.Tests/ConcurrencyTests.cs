using Microsoft.Extensions.DependencyInjection;
using OpenWxCluster.Grains.Options;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// Many concurrent calls to one account while upstream messages arrive: every send succeeds and every send and
/// receive event reaches check_event exactly once (the account's sends and its sync loop interleave on one grain).
/// Own cluster: the inbox is made large enough to hold every event, so nothing is dropped by design.
/// </summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Sixty_four_concurrent_sends_during_a_sync_batch_all_succeed_and_each_event_arrives_once()
    {
        await using var run = await IsolatedRun.StartAsync(silo: silo => silo.Services.Configure<EventInboxOptions>(o => o.Capacity = 1000));
        var world = run.Fixture.Emulator.World;
        world.CreateAccountWithFriend("busy", "BusyPal");
        await run.Api.LoginAsync(world, "busy", "busy_bot");

        var sends = Enumerable.Range(1, 64).Select(i => run.Api.GetAsync("send_friend_message",
            ("client", "busy"), ("displayname", "BusyPal"), ("content", $"out {i}"))).ToList();
        var incoming = Enumerable.Range(1, 20).Select(i => $"in {i}").ToList();
        foreach (var content in incoming)
        {
            world.SendText("busy_pal", "busy_bot", content);
        }
        var answers = await Task.WhenAll(sends);
        Assert.All(answers, a => Assert.Equal(0, a.GetProperty("code").GetInt32()));
        Assert.Equal(64, world.GetSent("busy_bot").Count(m => m.Content.StartsWith("out ", StringComparison.Ordinal)));

        var sent = new List<string>();
        var received = new List<string>();
        const string barrier = "barrier";
        world.SendText("busy_pal", "busy_bot", barrier);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!received.Contains(barrier))
        {
            Assert.True(DateTime.UtcNow < deadline, $"barrier not received; got {received.Count} received, {sent.Count} sent");
            foreach (var e in (await run.Api.GetAsync("check_event", ("client", "busy"))).EnumerateArray())
            {
                var content = e.GetProperty("content").GetString() ?? "";
                (e.GetProperty("post_type").GetString() == "send_message" ? sent : received).Add(content);
            }
        }
        Assert.Equal(Enumerable.Range(1, 64).Select(i => $"out {i}").Order(), sent.Order());
        Assert.Equal(incoming.Append(barrier), received);
    }
}
