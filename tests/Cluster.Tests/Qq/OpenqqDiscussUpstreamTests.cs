using OpenWxCluster.QqEmulator;
using OpenWxCluster.QqEmulator.World;
using OpenWxCluster.TestKit;
using static OpenWxCluster.Cluster.Tests.Qq.OpenqqEventTests;

namespace OpenWxCluster.Cluster.Tests.Qq;

/// <summary>
/// Discuss groups against other upstreams: one without send_discuss_msg (as NapCat) gives a clear Mojo error and
/// the account keeps running; post_api gets the discuss message and its reply goes to the discuss.
/// </summary>
public sealed class OpenqqDiscussUpstreamTests(QqClusterFixture fx) : IClassFixture<QqClusterFixture>
{
    private const long Talk = 40001;

    [Fact]
    public async Task An_implementation_without_send_discuss_msg_answers_a_clear_error_and_the_account_keeps_running()
    {
        const string client = "qq_nodiscuss";
        await using var implementation = await QqEmulatorHost.StartAsync(new QqEmulatorOptions
        {
            AccessToken = QqClusterFixture.Token,
            Secret = QqClusterFixture.Secret,
            PostUrls = [new Uri(fx.Http.BaseAddress!, "onebot/" + client)],
            UnsupportedActions = new HashSet<string>(StringComparer.Ordinal) { "send_discuss_msg" },
        });
        var world = implementation.World;
        world.CreateBot(QqClusterFixture.Bot, "Bot");
        world.CreateUser(new QqUser(QqClusterFixture.Alice, "Alice"));
        world.CreateFriendship(QqClusterFixture.Bot, QqClusterFixture.Alice);
        world.CreateDiscuss(Talk, "Talk", [QqClusterFixture.Bot, QqClusterFixture.Alice]);
        var started = await fx.Api.GetAsync("start_client", ("client", client), ("onebot_url", implementation.BaseUri.ToString().TrimEnd('/')),
            ("onebot_token", QqClusterFixture.Token), ("onebot_secret", QqClusterFixture.Secret));
        Assert.Equal(0, started.GetProperty("code").GetInt32());
        await fx.Api.WaitForStateAsync(client, "running");
        var heard = world.UserSendsDiscuss(QqClusterFixture.Alice, Talk, [MessageSegment.Text("old style")]);
        await fx.Api.WaitForEventAsync(client, e => S(e, "id") == Id(heard));

        var refused = await fx.Api.GetAsync("send_discuss_message", ("client", client), ("id", "40001"), ("content", "x"));

        Assert.Equal((-3, "发送失败", "the onebot implementation does not support send_discuss_msg (retcode 1404)"),
            (refused.GetProperty("code").GetInt32(), S(refused, "status"), S(refused, "info")));
        Assert.Empty(world.SentBy(QqClusterFixture.Bot));
        Assert.Equal("running", await fx.Api.StateAsync(client));
        var friend = await fx.Api.GetAsync("send_friend_message", ("client", client), ("uid", "20001"), ("content", "still here"));
        Assert.Equal(0, friend.GetProperty("code").GetInt32());
        Assert.Equal("still here", Assert.Single(world.SentBy(QqClusterFixture.Bot)).Message[0].Data["text"]);
        await fx.Api.GetAsync("stop_client", ("client", client));
    }

    [Fact]
    public async Task A_discuss_message_is_posted_once_and_the_reply_goes_to_the_discuss()
    {
        await using var hook = await WebhookReceiver.StartAsync();
        hook.Answer = post => post.Content == "anyone?" ? (200, """{"reply":"here"}""") : (200, "{}");
        fx.World.CreateDiscuss(Talk, "Talk", [QqClusterFixture.Bot, QqClusterFixture.Bob]);
        await fx.StartClientAsync(("post_api", hook.Url));
        var sentBefore = fx.World.SentBy(QqClusterFixture.Bot).Count;

        var asked = fx.World.UserSendsDiscuss(QqClusterFixture.Bob, Talk, [MessageSegment.Text("anyone?")]);
        await Eventually.TrueAsync(
            () => Task.FromResult(fx.World.SentBy(QqClusterFixture.Bot).Count > sentBefore), TimeSpan.FromSeconds(30), "the reply");

        var post = Assert.Single(hook.Posts, p => p.Content == "anyone?");
        Assert.Equal(("receive_message", "discuss_message", Id(asked), "40001", "20002"),
            (post.PostType, post.Json.GetProperty("type").GetString(), post.Json.GetProperty("id").GetString(),
             post.Json.GetProperty("discuss_id").GetString(), post.Json.GetProperty("sender_uid").GetString()));
        var reply = Assert.Single(fx.World.SentBy(QqClusterFixture.Bot).Skip(sentBefore));
        Assert.Equal(("discuss", (long?)Talk, "here"), (reply.MessageType, reply.DiscussId, Assert.Single(reply.Message).Data["text"]));
        await fx.Api.GetAsync("stop_client", ("client", QqClusterFixture.Client));
        await Eventually.TrueAsync(() => Task.FromResult(hook.Posts.Any(p => p.Event == "stop")), TimeSpan.FromSeconds(30), "the stop event posted");
    }
}
