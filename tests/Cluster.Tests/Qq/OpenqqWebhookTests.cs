using OpenWxCluster.QqEmulator.World;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Qq;

/// <summary>
/// post_api for a QQ account: the Openqq JSON is posted, and a reply with Openqq's shutup is sent into the group and
/// mutes the sender, judged by the emulator's world.
/// </summary>
public sealed class OpenqqWebhookTests(QqClusterFixture fx) : IClassFixture<QqClusterFixture>
{
    /// <summary>
    /// Each test starts the client with its own post_api receiver and stops it while the receiver still answers (the
    /// stop's events are posted in order before anything of the next start).
    /// </summary>
    private async Task StopClientAsync(WebhookReceiver hook)
    {
        await fx.Api.GetAsync("stop_client", ("client", QqClusterFixture.Client));
        await Eventually.TrueAsync(() => Task.FromResult(hook.Posts.Any(p => p.Event == "stop")), TimeSpan.FromSeconds(30), "the stop event posted");
    }

    [Fact]
    public async Task A_group_message_is_posted_and_the_reply_with_shutup_answers_and_mutes_its_sender()
    {
        await using var hook = await WebhookReceiver.StartAsync();
        hook.Answer = post => post.Content == "spam spam"
            ? (200, """{"reply":"no spam please","shutup":1,"shutup_time":120}""")
            : (200, "{}");
        await fx.StartClientAsync(("post_api", hook.Url));
        var sentBefore = fx.World.SentBy(QqClusterFixture.Bot).Count;

        var spam = fx.World.UserSendsGroup(QqClusterFixture.Bob, QqClusterFixture.Team, [MessageSegment.Text("spam spam")]);
        await Eventually.TrueAsync(
            () => Task.FromResult(fx.World.GetMember(QqClusterFixture.Team, QqClusterFixture.Bob)!.BannedUntil > 0),
            TimeSpan.FromSeconds(30), "Bob muted");

        var post = Assert.Single(hook.Posts, p => p.Content == "spam spam");
        Assert.Equal(("receive_message", "group_message"), (post.PostType, post.Json.GetProperty("type").GetString()));
        Assert.Equal((OpenqqEventTests.Id(spam), "30001", "20002"),
            (post.Json.GetProperty("id").GetString(), post.Json.GetProperty("group_uid").GetString(), post.Json.GetProperty("sender_uid").GetString()));
        var reply = Assert.Single(fx.World.SentBy(QqClusterFixture.Bot).Skip(sentBefore));
        Assert.Equal(("group", (long?)QqClusterFixture.Team), (reply.MessageType, reply.GroupId));
        Assert.Equal("no spam please", Assert.Single(reply.Message).Data["text"]);
        var banned = fx.World.GetMember(QqClusterFixture.Team, QqClusterFixture.Bob)!.BannedUntil - DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.InRange(banned, 100, 121);
        await StopClientAsync(hook);
    }

    [Fact]
    public async Task A_reply_to_a_temporary_session_goes_back_through_its_group_to_a_member_who_is_not_a_friend()
    {
        await using var hook = await WebhookReceiver.StartAsync();
        hook.Answer = post => post.Content == "temp hello" ? (200, """{"reply":"temp answer"}""") : (200, "{}");
        // Dave: a member of Team, not a friend (and not muted by the other test of this class).
        const long dave = 20004;
        fx.World.CreateUser(new QqUser(dave, "Dave"));
        fx.World.AddMember(QqClusterFixture.Team, dave);
        await fx.StartClientAsync(("post_api", hook.Url));
        var sentBefore = fx.World.SentBy(QqClusterFixture.Bot).Count;

        var temp = fx.World.UserSendsPrivate(dave, QqClusterFixture.Bot, [MessageSegment.Text("temp hello")], viaGroupId: QqClusterFixture.Team);
        await Eventually.TrueAsync(
            () => Task.FromResult(fx.World.SentBy(QqClusterFixture.Bot).Count > sentBefore), TimeSpan.FromSeconds(30), "the reply");

        var post = Assert.Single(hook.Posts, p => p.Content == "temp hello");
        Assert.Equal(("sess_message", OpenqqEventTests.Id(temp), "30001"),
            (post.Json.GetProperty("type").GetString(), post.Json.GetProperty("id").GetString(), post.Json.GetProperty("group_uid").GetString()));
        var reply = Assert.Single(fx.World.SentBy(QqClusterFixture.Bot).Skip(sentBefore));
        Assert.Equal(("private", dave, (long?)QqClusterFixture.Team), (reply.MessageType, reply.PeerId, reply.GroupId));
        Assert.Equal("temp answer", Assert.Single(reply.Message).Data["text"]);
        await StopClientAsync(hook);
    }
}
