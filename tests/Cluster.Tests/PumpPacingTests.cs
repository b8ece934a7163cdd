using OpenWxCluster.Emulator;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// The pump issues the next upstream step at once after news or a held long-poll: the pump interval only paces
/// errors and upstreams that do not hold. One cluster per test (its own pump interval).
/// </summary>
public sealed class PumpPacingTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// With an hour between pump ticks, each message is sent only once the previous one reached check_event: had a
    /// tick ended after a batch, the next synccheck would come an hour later and the next message would never arrive.
    /// </summary>
    [Fact]
    public async Task Messages_sent_one_after_another_all_arrive_although_the_pump_interval_is_an_hour()
    {
        // Holds under the driver's 40 s long-poll timeout, longer than the test: no poll ends idle or in error,
        // which would (rightly) be paced by the hour.
        var emulator = new EmulatorOptions { LoginPollHold = TimeSpan.FromSeconds(30), SyncCheckHold = TimeSpan.FromSeconds(30) };
        await using var run = await IsolatedRun.StartAsync(emulator, o => o.PumpInterval = TimeSpan.FromHours(1));
        var world = run.Fixture.Emulator.World;
        world.CreateAccountWithFriend("eager", "EagerPal");
        await run.Api.LoginAsync(world, "eager", "eager_bot");

        var ledger = new DeliveryLedger(run.Api, "eager");
        var sent = Enumerable.Range(1, 5).Select(i => $"one after another {i}").ToList();
        foreach (var text in sent)
        {
            world.SendText("eager_pal", "eager_bot", text);
            await ledger.CollectUntilAsync(text, Wait);
        }

        ledger.AssertExactlyOnce(sent);
        // Ends the held synccheck now; a silo shutdown would wait for it.
        await run.Api.GetAsync("stop_client", ("client", "eager"));
    }
}
