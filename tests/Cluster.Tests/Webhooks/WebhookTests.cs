using System.Net;
using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Webhooks;

/// <summary>post_api as a bot sees it: a real loopback receiver, the real cluster, messages from the emulator.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WebhookTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_message_and_event_is_posted_once_in_order_signed_with_the_client_merged()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("hook1", "HookPal");
        var api = new OpenWxHttpApi(fixture.Http);
        var secret = StandardWebhookCheck.NewSecret();
        await api.LoginAsync(world, "hook1", "hook1_bot", ("post_api", receiver.Url + "?token=abc&client=other"), ("post_secret", secret));

        string[] sent = ["m1", "m2", "m3", "m4", "m5"];
        foreach (var text in sent)
        {
            world.SendText("hook1_pal", "hook1_bot", text);
        }
        await WaitForContentAsync(receiver, "m5");

        var posts = receiver.Posts;
        Assert.Equal(sent, posts.Where(p => p.PostType == "receive_message").Select(p => p.Content));
        var ids = posts.Select(p => p.EventId!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var seqs = ids.Select(id => long.Parse(id[(id.LastIndexOf(':') + 1)..])).ToList();
        Assert.Equal(seqs.Order(), seqs);
        Assert.All(posts, p =>
        {
            Assert.Equal(p.EventId, p.Header("webhook-id"));
            Assert.Equal("1", p.Header("X-OpenWx-Attempt"));
            Assert.True(StandardWebhookCheck.IsSigned(p, secret), "signature");
            Assert.Equal("hook1", p.Query["client"]);
            Assert.Equal("abc", p.Query["token"]);
        });
        // Mojo's default post_event_list: the login life cycle is posted (check_event never gets it).
        Assert.Contains(posts, p => p.Event == "state_change");
        Assert.Contains(posts, p => p.Event == "login");

        var again = await api.GetAsync("start_client", ("client", "hook1"));
        Assert.Equal("client already exists", again.GetProperty("status").GetString());
        Assert.False(again.TryGetProperty("post_secret", out _), "the secret is never echoed");
    }

    [Fact]
    public async Task A_reply_in_the_answer_reaches_the_sender_once_and_is_not_replied_to_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // Answers every post, the account's own sends included (Mojo would loop on those).
        receiver.Answer = p => (200, p.PostType == "receive_message" ? $$"""{"reply":"re:{{p.Content}}"}""" : """{"reply":"loop"}""");
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("hook2", "ReplyPal");
        var api = new OpenWxHttpApi(fixture.Http);
        await api.LoginAsync(world, "hook2", "hook2_bot", ("post_api", receiver.Url), ("post_event", "0"));

        world.SendText("hook2_pal", "hook2_bot", "ping");
        world.SendText("hook2_pal", "hook2_bot", "after");
        // Replies are sent before the next post, so once the second reply is posted, a reply to the first one's
        // post would have been sent already.
        await Eventually.TrueAsync(
            () => Task.FromResult(receiver.Posts.Any(p => p.PostType == "send_message" && p.Content == "re:after")), Wait, "the second reply's post");

        var sent = world.GetSent("hook2_bot").Select(m => (m.To, m.Content)).ToList();
        Assert.Equal([("hook2_pal", "re:ping"), ("hook2_pal", "re:after")], sent);
        Assert.Single(receiver.Posts, p => p.PostType == "send_message" && p.Content == "re:ping");
    }

    [Fact]
    public async Task A_media_url_in_the_answer_is_fetched_and_sent_back_once_with_the_text()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 7, 7, 7];
        receiver.Media = png;
        receiver.Answer = p => (200, p.PostType switch
        {
            "receive_message" when p.Content == "show me" => $$"""{"reply":"see picture","media":"{{receiver.MediaUrl}}"}""",
            "receive_message" => "{}",
            // The reply's own sends are posted too; answering them must send nothing (Mojo would loop).
            _ => $$"""{"media":"{{receiver.MediaUrl}}"}""",
        });
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("hook9", "MediaPal");
        var api = new OpenWxHttpApi(fixture.Http);
        await api.LoginAsync(world, "hook9", "hook9_bot", ("post_api", receiver.Url), ("post_event", "0"));

        world.SendText("hook9_pal", "hook9_bot", "show me");
        await Eventually.TrueAsync(
            () => Task.FromResult(receiver.Posts.Count(p => p.PostType == "send_message") >= 2), Wait, "the reply's two sends posted");
        world.SendText("hook9_pal", "hook9_bot", "barrier");
        await WaitForContentAsync(receiver, "barrier");

        var sent = world.GetSent("hook9_bot");
        Assert.Equal(["see picture", "media"], sent.Select(m => m.MsgType == 1 ? m.Content : "media"));
        Assert.All(sent, m => Assert.Equal("hook9_pal", m.To));
        var image = world.GetMessageMedia(sent[1].MsgId);
        Assert.Equal(png, Convert.FromBase64String(image.DataBase64));
        Assert.Equal(1, receiver.MediaFetches);
    }

    [Fact]
    public async Task Post_message_filter_keeps_other_messages_out_of_post_api_and_check_event()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("hookf", "FilterPal");
        world.CreateGroup(new CreateGroupRequest { GroupId = "grp_hookf", Name = "Filtered", Owner = "hookf_pal", Members = ["hookf_bot"], SavedToContacts = true });
        var api = new OpenWxHttpApi(fixture.Http);
        await api.LoginAsync(
            world, "hookf", "hookf_bot", ("post_api", receiver.Url), ("post_event", "0"),
            ("post_message_filter", """{"class":"recv","type":"friend_message"}"""));
        var pal = world.ResolveUserName("hookf_bot", "hookf_pal").UserName;
        var group = world.ResolveUserName("hookf_bot", "grp_hookf").UserName;
        await api.WaitForMemberAsync("hookf", group, pal);

        world.SendText("hookf_pal", "grp_hookf", "in the group");
        var sent = await api.GetAsync("send_friend_message", ("client", "hookf"), ("id", pal), ("content", "from the api"));
        Assert.Equal(0, sent.GetProperty("code").GetInt32());
        world.SendText("hookf_pal", "hookf_bot", "barrier");
        await WaitForContentAsync(receiver, "barrier");
        var polled = new List<string?>();
        await Eventually.TrueAsync(
            async () =>
            {
                var batch = await api.GetAsync("check_event", ("client", "hookf"));
                polled.AddRange(batch.EnumerateArray()
                    .Where(e => e.GetProperty("post_type").GetString() is "receive_message" or "send_message")
                    .Select(e => e.GetProperty("content").GetString()));
                return polled.Contains("barrier");
            },
            Wait,
            "the barrier in check_event");

        Assert.Equal(["barrier"], receiver.Posts.Select(p => p.Content));
        Assert.Equal(["barrier"], polled);
        Assert.Contains(world.GetSent("hookf_bot"), m => m.Content == "from the api");
    }

    [Fact]
    public async Task A_4xx_answer_gives_the_event_up_and_the_next_one_is_posted_and_logged()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = p => p.Content == "refused" ? (400, null) : (200, "{}");
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("hook3", "RefusedPal");
        var api = new OpenWxHttpApi(fixture.Http);
        await api.LoginAsync(world, "hook3", "hook3_bot", ("post_api", receiver.Url), ("post_event", "0"));

        world.SendText("hook3_pal", "hook3_bot", "refused");
        world.SendText("hook3_pal", "hook3_bot", "accepted");
        await WaitForContentAsync(receiver, "accepted");

        Assert.Single(receiver.Posts, p => p.Content == "refused");
        Assert.DoesNotContain(receiver.Posts, p => p.PostType == "event");
        var refusedId = receiver.Posts.Single(p => p.Content == "refused").EventId;
        var log = await Eventually.ValueAsync(
            () => api.GetAsync("get_post_log", ("client", "hook3")),
            l => l.GetProperty("delivered").GetInt64() >= 1,
            Wait,
            "the delivery counted");
        Assert.Equal(1, log.GetProperty("failed").GetInt64());
        Assert.Equal(0, log.GetProperty("backlog").GetInt32());
        Assert.Equal(receiver.Url, log.GetProperty("post_api").GetString());
        var attempt = log.GetProperty("attempts").EnumerateArray().Single(a => a.GetProperty("event_id").GetString() == refusedId);
        Assert.Equal(400, attempt.GetProperty("status_code").GetInt32());
        Assert.Equal("HTTP 400", attempt.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Post_event_list_chooses_the_events_posted()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("hook4", "ListPal");
        var api = new OpenWxHttpApi(fixture.Http);
        await api.LoginAsync(world, "hook4", "hook4_bot", ("post_api", receiver.Url), ("post_event_list", "login"));
        world.SendText("hook4_pal", "hook4_bot", "barrier");
        await WaitForContentAsync(receiver, "barrier");

        Assert.Equal(["login"], receiver.Posts.Where(p => p.PostType == "event").Select(p => p.Event).Distinct());
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local or cloud metadata")]
    [InlineData("http://100.100.100.200/latest/meta-data/", "link-local or cloud metadata")]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/", "cloud metadata host")]
    [InlineData("ftp://127.0.0.1/hook", "absolute http or https URL")]
    public async Task A_destination_the_policy_refuses_is_rejected_at_start_client(string url, string reason)
    {
        var client = "refused" + Math.Abs(url.GetHashCode() % 100000);
        using var response = await fixture.Http.GetAsync($"openwx/start_client?client={client}&post_api={Uri.EscapeDataString(url)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(6, json.GetProperty("code").GetInt32());
        Assert.Contains(reason, json.GetProperty("status").GetString());
        var check = await new OpenWxHttpApi(fixture.Http).GetAsync("check_client", ("client", client));
        Assert.NotEqual(0, check.GetProperty("code").GetInt32());
    }

    private static Task WaitForContentAsync(WebhookReceiver receiver, string content) =>
        Eventually.TrueAsync(() => Task.FromResult(receiver.Posts.Any(p => p.Content == content)), Wait, $"post of '{content}'");
}
