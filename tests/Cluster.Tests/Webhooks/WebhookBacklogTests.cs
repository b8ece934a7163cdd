using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;
using OpenWxCluster.Grains.Webhooks;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Webhooks;

/// <summary>
/// A post_api backlog longer than many chunks (test silos seal every <see cref="TestSilo.WebhookBacklogChunk"/>
/// events): what storage holds while the receiver is down, and what the receiver gets from a new activation.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WebhookBacklogTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_long_backlog_is_saved_in_chunks_and_a_new_activation_posts_it_in_order_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await receiver.DownAsync();
        var key = AccountKey.WeChatClient("chunked");
        var webhook = fixture.Cluster.Client.GetGrain<IWebhookGrain>(key);
        Assert.True(await webhook.ConfigureAsync(new WebhookSettings { Url = receiver.Url }));
        var contents = Enumerable.Range(1, 20).Select(i => $"chunked {i}").ToList();

        for (var seq = 1; seq <= contents.Count; seq++)
        {
            await webhook.AcceptAsync([TestEvents.Message(key, seq, contents[seq - 1])]);
        }

        var saved = await ReadAsync(webhook);
        // The state holds fewer than a chunk of events; the rest sit in sealed chunk records.
        Assert.InRange(saved.State.OpenEvents.Count, 0, TestSilo.WebhookBacklogChunk - 1);
        Assert.Equal(contents.Count, saved.State.Chunks.Sum() - saved.State.ChunkHead + saved.State.OpenEvents.Count);
        Assert.Equal(saved.State.Chunks.Sum(), saved.Chunks.Sum(c => c.Count));
        Assert.Equal(contents.Count, (await webhook.GetInfoAsync()).Backlog);

        await webhook.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        await receiver.UpAsync();
        await webhook.EnsureDeliveringAsync();
        await Eventually.TrueAsync(() => Task.FromResult(receiver.Posts.Count >= contents.Count), Wait, "every event posted");

        Assert.Equal(contents, receiver.Posts.Select(p => p.Content));
        var info = await webhook.GetInfoAsync();
        Assert.Equal((0, contents.Count), (info.Backlog, info.Delivered));
        // Delivered chunks leave nothing behind.
        Assert.All((await ReadAsync(webhook)).Chunks, chunk => Assert.Empty(chunk));
    }

    [Fact]
    public async Task A_chunk_lost_by_storage_is_counted_as_dropped_and_delivery_goes_on()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await receiver.DownAsync();
        var key = AccountKey.WeChatClient("chunklost");
        var webhook = fixture.Cluster.Client.GetGrain<IWebhookGrain>(key);
        Assert.True(await webhook.ConfigureAsync(new WebhookSettings { Url = receiver.Url }));
        for (var seq = 1; seq <= 10; seq++)
        {
            await webhook.AcceptAsync([TestEvents.Message(key, seq, $"kept {seq}")]);
        }

        // Storage loses the second chunk's record (not something the grain's own writes can cause).
        var saved = (await ReadAsync(webhook)).State;
        var storage = Storage;
        var id = ((GrainReference)(object)webhook).GrainId;
        var lost = new GrainState<WebhookChunk>(new WebhookChunk());
        var name = $"webhook-chunk-{(saved.FirstChunk + 1) % saved.ChunkSlots}";
        await storage.ReadStateAsync(name, id, lost);
        var lostContents = (lost.State?.Events ?? []).Select(e => e.Message!.Content).ToList();
        await storage.ClearStateAsync(name, id, lost);
        await receiver.UpAsync();
        await webhook.EnsureDeliveringAsync();
        var left = Enumerable.Range(1, 10).Select(i => $"kept {i}").Except(lostContents).ToList();
        await Eventually.TrueAsync(() => Task.FromResult(receiver.Posts.Count >= left.Count), Wait, "the events around the lost chunk");

        Assert.Equal(["kept 4", "kept 5", "kept 6"], lostContents);
        Assert.Equal(left, receiver.Posts.Select(p => p.Content));
        var info = await webhook.GetInfoAsync();
        Assert.Equal((0, left.Count, 3L), (info.Backlog, (int)info.Delivered, info.Dropped));
    }

    [Fact]
    public async Task Open_events_saved_decoded_by_the_old_layout_are_posted_in_order_once_by_a_new_activation()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var key = AccountKey.WeChatClient("oldopen");
        var webhook = fixture.Cluster.Client.GetGrain<IWebhookGrain>(key);
        var id = ((GrainReference)(object)webhook).GrainId;
        // The state as the version before the encoded open events saved it: the events themselves in Backlog.
        await Storage.WriteStateAsync("webhook", id, new GrainState<WebhookState>(new WebhookState
        {
            Settings = new WebhookSettings { Url = receiver.Url },
            Backlog = [TestEvents.Message(key, 1, "old 1"), TestEvents.Message(key, 2, "old 2")],
            LastSeq = 2,
        }));

        await webhook.AcceptAsync([TestEvents.Message(key, 3, "new 3")]);
        await Eventually.TrueAsync(() => Task.FromResult(receiver.Posts.Count >= 3), Wait, "the old events and the new one posted");

        Assert.Equal(["old 1", "old 2", "new 3"], receiver.Posts.Select(p => p.Content));
        await Eventually.TrueAsync(
            async () => (await ReadAsync(webhook)).State is { Backlog.Count: 0, OpenEvents.Count: 0, Delivered: 3 },
            Wait,
            "the emptied backlog saved in the new layout");
    }

    private IGrainStorage Storage => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(OrleansNames.Storage);

    private async Task<(WebhookState State, List<List<AccountEvent>> Chunks)> ReadAsync(IWebhookGrain webhook)
    {
        var storage = Storage;
        var id = ((GrainReference)(object)webhook).GrainId;
        var state = new GrainState<WebhookState>(new WebhookState());
        await storage.ReadStateAsync("webhook", id, state);
        var saved = state.State ?? new WebhookState();
        var chunks = new List<List<AccountEvent>>();
        for (var slot = 0; slot < saved.ChunkSlots; slot++)
        {
            var chunk = new GrainState<WebhookChunk>(new WebhookChunk());
            await storage.ReadStateAsync($"webhook-chunk-{slot}", id, chunk);
            chunks.Add(chunk.State?.Events ?? []);
        }
        return (saved, chunks);
    }
}
