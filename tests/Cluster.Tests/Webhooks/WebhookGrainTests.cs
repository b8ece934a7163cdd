using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Webhooks;

/// <summary>
/// The delivery grain's and the account's idempotency, driven through their contract as the account's outbox and
/// the webhook grain drive them after a failure (a replayed batch, a reply sent again), judged by the receiver
/// and the emulator.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WebhookGrainTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_replayed_batch_is_posted_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var key = AccountKey.WeChatClient("replayed");
        var webhook = fixture.Cluster.Client.GetGrain<IWebhookGrain>(key);
        Assert.True(await webhook.ConfigureAsync(new WebhookSettings { Url = receiver.Url }));

        await webhook.AcceptAsync([TestEvents.Message(key, 1, "one"), TestEvents.Message(key, 2, "two")]);
        await webhook.AcceptAsync([TestEvents.Message(key, 1, "one"), TestEvents.Message(key, 2, "two"), TestEvents.Message(key, 3, "three")]);
        await webhook.AcceptAsync([TestEvents.Message(key, 4, "barrier")]);
        await Eventually.TrueAsync(() => Task.FromResult(receiver.Posts.Any(p => p.Content == "barrier")), Wait, "the barrier post");

        Assert.Equal(["one", "two", "three", "barrier"], receiver.Posts.Select(p => p.Content));
        Assert.Equal(4, (await webhook.GetInfoAsync()).Delivered);
    }

    [Fact]
    public async Task A_reply_sent_twice_under_one_key_reaches_the_friend_once()
    {
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("twice", "TwicePal");
        var api = new OpenWxHttpApi(fixture.Http);
        await api.LoginAsync(world, "twice", "twice_bot");
        var friendId = (await api.GetAsync("search_friend", ("client", "twice"), ("displayname", "TwicePal")))[0].GetProperty("id").GetString()!;
        var account = fixture.Cluster.Client.GetGrain<IWxAccountGrain>(AccountKey.WeChatClient("twice"));

        var request = new ReplyRequest("reply:wx/twice:7", friendId, ToGroup: false, "only once");
        var first = await account.SendReplyAsync(request);
        var second = await account.SendReplyAsync(request);

        Assert.Equal(0, first.Code);
        Assert.Equal(first.Id, second.Id);
        Assert.Single(world.GetSent("twice_bot"), m => m.Content == "only once");
    }
}
