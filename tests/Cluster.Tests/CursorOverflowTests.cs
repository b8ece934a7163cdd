using Microsoft.Extensions.DependencyInjection;
using OpenWxCluster.Grains.Options;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// A cursor log overflowing while its consumer is away. Own cluster: the log is made small (5 events in segments
/// of 3, so a drop removes a whole segment and part of the next).
/// </summary>
public sealed class CursorOverflowTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_full_cursor_log_reports_the_dropped_events_once_as_events_lost_with_their_range()
    {
        await using var run = await IsolatedRun.StartAsync(silo: silo => silo.Services.Configure<EventInboxOptions>(o =>
        {
            o.CursorCapacity = 5;
            o.CursorSegmentSize = 3;
        }));
        var world = run.Fixture.Emulator.World;
        world.CreateAccountWithFriend("lossy", "LossyPal");
        await run.Api.LoginAsync(world, "lossy", "lossy_bot");
        var inbox = run.Fixture.Cluster.Client.GetGrain<IEventInboxGrain>(AccountKey.WeChatClient("lossy"));

        var ledger = DeliveryLedger.CursorMode(run.Api, "lossy");
        var first = ledger.PollOnceAsync();
        await Eventually.TrueAsync(async () => (await inbox.GetInfoAsync()).CursorStart is not null, Wait, "the cursor log");
        world.SendText("lossy_pal", "lossy_bot", "m0");
        await first;
        await ledger.CollectUntilAsync("m0", Wait);
        var cursor = CursorModeTests.Seq(ledger.Cursor!);

        // Nobody polls while eight more arrive: with m0 (not acknowledged yet) that is nine for five places.
        var late = Enumerable.Range(1, 8).Select(i => $"m{i}").ToList();
        foreach (var content in late)
        {
            world.SendText("lossy_pal", "lossy_bot", content);
        }
        var full = await Eventually.ValueAsync(inbox.GetInfoAsync, i => i.LastSeq >= cursor + 8, Wait, "the eight messages in the inbox");
        Assert.Equal(cursor + 8, full.LastSeq); // one event per message, so sequences map to contents
        Assert.Equal(5, full.Retained);
        Assert.True(full.CursorDropped >= 4, $"dropped {full.CursorDropped}"); // m0..m3, and anything unacknowledged before m0

        var answer = await ledger.PollOnceAsync();
        var entries = answer.EnumerateArray().ToList();
        Assert.Equal("events_lost", entries[0].GetProperty("event").GetString());
        Assert.Equal((cursor + 1, cursor + 3), ledger.Lost.Single()); // m1..m3; m0 was dropped too but is behind the cursor
        Assert.Equal($"wx/lossy:{cursor + 3}", entries[0].GetProperty("event_id").GetString());
        Assert.Equal(["m4", "m5", "m6", "m7", "m8"], entries.Skip(1).Select(e => e.GetProperty("content").GetString()));

        world.SendText("lossy_pal", "lossy_bot", "barrier");
        await ledger.CollectUntilAsync("barrier", Wait);
        Assert.Single(ledger.Lost);
        ledger.AssertExactlyOnce(["m0", "m4", "m5", "m6", "m7", "m8", "barrier"]);
        Assert.DoesNotContain(ledger.Received, c => c is "m1" or "m2" or "m3");
    }
}
