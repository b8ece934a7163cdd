using OpenWxCluster.QqEmulator.World;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Qq;

/// <summary>
/// post_api for a QQ account: the Openqq JSON is posted, and a reply with Openqq's shutup is sent into the group and
/// mutes the sender, judged by the emulator's world.
/// </summary>
public sealed class OpenqqWebhookTests(QqClusterFixture fx) : IClassFixture<QqClusterFixture>
{
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
    }
}
