using System.Net;
using System.Text.Json;
using OpenWxCluster.QqEmulator.Tests.Support;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.QqEmulator.Tests;

/// <summary>
/// Discuss groups: created and spoken in through /control, reported as OneBot <c>message.discuss</c> events on every
/// transport, written to with send_discuss_msg / send_msg, and missing on an implementation that lacks the action.
/// </summary>
public sealed class DiscussTests
{
    private const long Talk = 40001;

    [Fact]
    public async Task A_members_discuss_message_reaches_every_bot_in_it_over_http_post_and_forward_ws()
    {
        await using var qq = await TestQq.StartAsync();
        await qq.ControlAsync("bots", new { selfId = 10002, nickname = "Second" });
        var created = await qq.ControlAsync("discusses", new { discussId = Talk, name = "Talk", memberIds = new[] { TestQq.Alice, TestQq.Bot, 10002L } });
        Assert.Equal([TestQq.Alice, TestQq.Bot, 10002L], created.GetProperty("memberIds").EnumerateArray().Select(m => m.GetInt64()));
        await using var ws = await WsClient.ConnectAsync(qq.Host.BaseUri, "/", "Bearer " + TestQq.Token);
        Assert.Equal("lifecycle", (await ws.ReceiveAsync()).GetProperty("meta_event_type").GetString());

        var sent = await qq.ControlAsync($"discusses/{Talk}/messages", new { userId = TestQq.Alice, message = "hello [CQ:face,id=14]" });
        Assert.Equal(("discuss", Talk), (sent.GetProperty("messageType").GetString(), sent.GetProperty("discussId").GetInt64()));

        var e = (await qq.EventAsync(e => TestQq.Is(e, "message_type", "discuss"))).Json;
        Assert.Equal(("message", Talk, TestQq.Alice), (e.GetProperty("post_type").GetString(), e.GetProperty("discuss_id").GetInt64(), e.GetProperty("user_id").GetInt64()));
        Assert.Equal(sent.GetProperty("messageId").GetInt32(), e.GetProperty("message_id").GetInt32());
        Assert.False(e.TryGetProperty("sub_type", out _));
        Assert.Equal("Alice", e.GetProperty("sender").GetProperty("nickname").GetString());
        Assert.Equal("hello [CQ:face,id=14]", e.GetProperty("raw_message").GetString());
        var second = (await qq.EventAsync(e => TestQq.Is(e, "message_type", "discuss"), selfId: 10002)).Json;
        Assert.Equal(e.GetProperty("message_id").GetInt32(), second.GetProperty("message_id").GetInt32());
        var overWs = await ws.ReceiveAsync();
        Assert.Equal(("discuss", Talk), (overWs.GetProperty("message_type").GetString(), overWs.GetProperty("discuss_id").GetInt64()));

        // Bob is not in it; nor is discuss 1 a discuss.
        await qq.ControlAsync($"discusses/{Talk}/messages", new { userId = TestQq.Bob, message = "x" }, HttpStatusCode.Forbidden);
        await qq.ControlAsync("discusses/1/messages", new { userId = TestQq.Alice, message = "x" }, HttpStatusCode.NotFound);
        await qq.ControlAsync("discusses", new { discussId = Talk, name = "again", memberIds = new[] { TestQq.Alice, TestQq.Bob } }, HttpStatusCode.Conflict);
        await qq.ControlAsync("discusses", new { discussId = 40002, name = "alone", memberIds = new[] { TestQq.Alice } }, HttpStatusCode.BadRequest);
        Assert.Equal("Talk", (await qq.ControlGetAsync($"discusses/{Talk}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Send_discuss_msg_and_send_msg_discuss_are_recorded_and_heard_by_the_other_bot()
    {
        await using var qq = await TestQq.StartAsync();
        await qq.ControlAsync("bots", new { selfId = 10002, nickname = "Second" });
        await qq.ControlAsync("discusses", new { discussId = Talk, name = "Talk", memberIds = new[] { TestQq.Bot, TestQq.Alice, 10002L } });
        await qq.ControlAsync("discusses", new { discussId = 40002, name = "Elsewhere", memberIds = new[] { TestQq.Alice, TestQq.Bob } });

        var first = (await qq.OkAsync("send_discuss_msg", new { discuss_id = Talk, message = "one" })).GetProperty("message_id").GetInt32();
        var second = (await qq.OkAsync("send_msg", new { message_type = "discuss", discuss_id = Talk.ToString(System.Globalization.CultureInfo.InvariantCulture), message = "two" })).GetProperty("message_id").GetInt32();
        var third = (await qq.OkAsync("send_msg", new { discuss_id = Talk, message = "[CQ:face,id=1]", auto_escape = true })).GetProperty("message_id").GetInt32();
        Assert.Equal(100, await qq.FailAsync("send_discuss_msg", new { discuss_id = 1, message = "x" }));
        Assert.Equal(102, await qq.FailAsync("send_discuss_msg", new { discuss_id = 40002, message = "x" }));
        Assert.Equal(100, await qq.FailAsync("send_discuss_msg", new { message = "x" }));

        var sent = (await qq.ControlGetAsync($"bots/{TestQq.Bot}/sent")).EnumerateArray().ToList();
        Assert.Equal(
            [(first, "discuss", Talk, "one"), (second, "discuss", Talk, "two"), (third, "discuss", Talk, "&#91;CQ:face,id=1&#93;")],
            sent.Select(m => (m.GetProperty("messageId").GetInt32(), m.GetProperty("messageType").GetString(), m.GetProperty("discussId").GetInt64(), m.GetProperty("text").GetString())));
        var heard = (await qq.EventAsync(e => TestQq.Is(e, "message_type", "discuss") && e.GetProperty("message_id").GetInt32() == first, selfId: 10002)).Json;
        Assert.Equal(TestQq.Bot, heard.GetProperty("user_id").GetInt64());
    }

    [Fact]
    public async Task A_reply_in_the_answer_to_a_discuss_message_goes_to_the_discuss()
    {
        await using var qq = await TestQq.StartAsync();
        qq.Receiver.Answer = p => TestQq.Is(p.Json, "raw_message", "ping") ? (200, """{"reply":"pong","at_sender":false}""") : (204, null);
        await qq.ControlAsync("discusses", new { discussId = Talk, name = "Talk", memberIds = new[] { TestQq.Bot, TestQq.Bob } });

        await qq.ControlAsync($"discusses/{Talk}/messages", new { userId = TestQq.Bob, message = "ping" });

        var sent = (await Eventually.ValueAsync(
            async () => (await qq.ControlGetAsync($"bots/{TestQq.Bot}/sent")).EnumerateArray().ToList(),
            l => l.Count >= 1, TimeSpan.FromSeconds(20), "the quick reply"))!;
        Assert.Equal(("discuss", Talk, "pong"), (sent[0].GetProperty("messageType").GetString(), sent[0].GetProperty("discussId").GetInt64(), sent[0].GetProperty("text").GetString()));
    }

    [Fact]
    public async Task An_implementation_without_send_discuss_msg_answers_it_as_unknown_over_http_and_ws()
    {
        await using var qq = await TestQq.StartAsync(unsupported: new HashSet<string> { "send_discuss_msg" });
        await qq.ControlAsync("discusses", new { discussId = Talk, name = "Talk", memberIds = new[] { TestQq.Bot, TestQq.Alice } });

        using (var request = new HttpRequestMessage(HttpMethod.Post, "send_discuss_msg") { Content = JsonContent(new { discuss_id = Talk, message = "x" }) })
        {
            request.Headers.Authorization = new("Bearer", TestQq.Token);
            using var response = await qq.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        await using var ws = await WsClient.ConnectAsync(qq.Host.BaseUri, "/api", "Bearer " + TestQq.Token);
        await ws.SendAsync(new { action = "send_discuss_msg_async", @params = new { discuss_id = Talk, message = "x" }, echo = 7 });
        Assert.Equal(1404, (await ws.ReceiveAsync()).GetProperty("retcode").GetInt32());
        // Other actions still answer; nothing was sent.
        Assert.Equal("Bot", (await qq.OkAsync("get_login_info")).GetProperty("nickname").GetString());
        Assert.Empty((await qq.ControlGetAsync($"bots/{TestQq.Bot}/sent")).EnumerateArray());
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
