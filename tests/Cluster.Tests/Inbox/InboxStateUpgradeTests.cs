using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OpenWxCluster.Grains.Events;

namespace OpenWxCluster.Cluster.Tests.Inbox;

/// <summary>
/// An inbox saved before its pending list was stored encoded (InboxState.Pending) still answers check_event with
/// those events, in order, followed by new ones: the upgrade moves them, nothing is lost or repeated.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class InboxStateUpgradeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Events_pending_in_the_old_state_form_are_served_then_new_ones_follow()
    {
        const string key = "wx/inbox-upgrade";
        var inbox = fixture.Cluster.Client.ForKey<IEventInboxGrain>(key);
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(OrleansNames.Storage);
        var old = new InboxState { Pending = [TestEvents.Message(key, 1, "first"), TestEvents.Message(key, 2, "second")], LastSeq = 2 };
        await storage.WriteStateAsync("inbox", ((GrainReference)(object)inbox).GrainId, new GrainState<InboxState>(old));

        await inbox.AcceptAsync([TestEvents.Message(key, 2, "second again"), TestEvents.Message(key, 3, "third")]);
        var pending = await inbox.PeekAsync(TimeSpan.Zero);

        Assert.Equal(["first", "second", "third"], pending.Select(e => e.Message!.Content));
        Assert.Equal([1L, 2, 3], pending.Select(e => e.Seq));
        await inbox.AcknowledgeAsync(2);
        Assert.Equal([3L], (await inbox.PeekAsync(TimeSpan.Zero)).Select(e => e.Seq));
    }
}
