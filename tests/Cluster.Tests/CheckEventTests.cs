using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>check_event in Mojo's mode against the real inbox: a batch leaves the inbox only once it was answered.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CheckEventTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_client_that_goes_away_mid_poll_loses_nothing()
    {
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("gone", "GonePal");
        var api = new OpenWxHttpApi(fixture.Http);
        await api.LoginAsync(world, "gone", "gone_bot");
        var inbox = fixture.Cluster.Client.GetGrain<IEventInboxGrain>(AccountKey.WeChatClient("gone"));

        using (var cancel = new CancellationTokenSource())
        {
            var abortedBefore = fixture.Web.AbortedRequests;
            var poll = fixture.Http.GetAsync("openwx/check_event?client=gone", cancel.Token);
            await Eventually.TrueAsync(async () => (await inbox.GetInfoAsync()).WaitingPolls > 0, Wait, "a waiting poll");
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll);
            await Eventually.TrueAsync(() => Task.FromResult(fixture.Web.AbortedRequests > abortedBefore), Wait, "the server seeing the abort");
        }
        // Wakes the abandoned poll, whose client is gone: the message must stay for the next poll.
        world.SendText("gone_pal", "gone_bot", "while nobody listens");
        await world.WaitUntilAcknowledgedAsync("gone_bot", Wait);

        var ledger = new DeliveryLedger(api, "gone");
        world.SendText("gone_pal", "gone_bot", "barrier");
        await ledger.CollectUntilAsync("barrier", Wait);
        ledger.AssertExactlyOnce(["while nobody listens", "barrier"]);
    }
}
