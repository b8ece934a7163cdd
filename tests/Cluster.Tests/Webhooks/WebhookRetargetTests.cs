using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Webhooks;

/// <summary>
/// An operator's receiver went away and the account is started again with a new post_api: what the old receiver
/// never took goes to the new one, once each and in order, ahead of the new run's messages, instead of being retried
/// against the dead address for MaxEventAge (24 h) while the new run's posts wait behind it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WebhookRetargetTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_new_post_api_takes_the_backlog_the_dead_one_never_took()
    {
        await using var gone = await WebhookReceiver.StartAsync();
        await using var next = await WebhookReceiver.StartAsync();
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("retarget", "RetargetPal");
        var api = new OpenWxHttpApi(fixture.Http);
        await api.LoginAsync(world, "retarget", "retarget_bot", ("post_api", gone.Url), ("post_event", "0"));
        world.SendText("retarget_pal", "retarget_bot", "before");
        await Eventually.TrueAsync(() => Task.FromResult(gone.Posts.Any(p => p.Content == "before")), Wait, "the first post");

        await gone.DownAsync(); // connection refused from now on
        foreach (var text in (string[])["stranded-1", "stranded-2"])
        {
            world.SendText("retarget_pal", "retarget_bot", text);
            await world.WaitUntilAcknowledgedAsync("retarget_bot", Wait);
        }
        // The first stranded post is being retried against the dead receiver when the account starts again.
        await Eventually.TrueAsync(async () => (await FailedAttemptsAsync(api)) >= 2, Wait, "retries against the dead receiver");
        Assert.Equal(0, (await api.GetAsync("stop_client", ("client", "retarget"))).GetProperty("code").GetInt32());
        await api.LoginAsync(world, "retarget", "retarget_bot", ("post_api", next.Url), ("post_event", "0"));
        world.SendText("retarget_pal", "retarget_bot", "after");

        await Eventually.TrueAsync(() => Task.FromResult(next.Posts.Any(p => p.Content == "after")), Wait, "the new run's post");
        var received = next.Posts.Where(p => p.PostType == "receive_message").Select(p => p.Content).ToList();
        Assert.Equal(["stranded-1", "stranded-2", "after"], received);
        var ids = next.Posts.Select(p => p.EventId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal("1", next.Posts.Single(p => p.Content == "stranded-1").Header("X-OpenWx-Attempt"));
    }

    private static async Task<int> FailedAttemptsAsync(OpenWxHttpApi api)
    {
        var log = await api.GetAsync("get_post_log", ("client", "retarget"));
        return log.GetProperty("attempts").EnumerateArray().Count(a => a.GetProperty("status_code").GetInt32() == 0);
    }
}
