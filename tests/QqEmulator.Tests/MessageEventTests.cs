using System.Text.Json;
using OpenWxCluster.QqEmulator.Tests.Support;

namespace OpenWxCluster.QqEmulator.Tests;

/// <summary>Message events posted over HTTP, with X-Self-ID and an X-Signature the test verifies with its own HMAC.</summary>
public sealed class MessageEventTests
{
    [Fact]
    public async Task A_friends_private_message_is_posted_with_segments_raw_cq_and_sender()
    {
        await using var qq = await TestQq.StartAsync();
        var sent = await qq.ControlAsync("messages/private", new { userId = TestQq.Alice, selfId = TestQq.Bot, message = "hi [CQ:face,id=14]" });

        var e = (await qq.EventAsync(e => TestQq.Is(e, "message_type", "private"))).Json;
        Assert.Equal("message", e.GetProperty("post_type").GetString());
        Assert.Equal("friend", e.GetProperty("sub_type").GetString());
        Assert.Equal(sent.GetProperty("messageId").GetInt32(), e.GetProperty("message_id").GetInt32());
        Assert.Equal(TestQq.Alice, e.GetProperty("user_id").GetInt64());
        Assert.Equal("hi [CQ:face,id=14]", e.GetProperty("raw_message").GetString());
        Assert.Equal(JsonValueKind.Array, e.GetProperty("message").ValueKind);
        Assert.Equal("14", e.GetProperty("message")[1].GetProperty("data").GetProperty("id").GetString());
        Assert.Equal("Alice", e.GetProperty("sender").GetProperty("nickname").GetString());
        Assert.True(e.GetProperty("time").GetInt64() > 0);
    }

    [Fact]
    public async Task A_temp_session_message_comes_from_a_group_member_who_is_no_friend()
    {
        await using var qq = await TestQq.StartAsync();
        await qq.ControlAsync("messages/private", new { userId = TestQq.Bob, selfId = TestQq.Bot, message = "psst", groupId = TestQq.Team });
        await qq.ControlAsync("messages/private", new { userId = TestQq.Bob, selfId = TestQq.Bot, message = "no route" }, System.Net.HttpStatusCode.Forbidden);

        var e = (await qq.EventAsync(e => TestQq.Is(e, "raw_message", "psst"))).Json;
        Assert.Equal("private", e.GetProperty("message_type").GetString());
        Assert.Equal("group", e.GetProperty("sub_type").GetString());
        Assert.Equal(TestQq.Team, e.GetProperty("sender").GetProperty("group_id").GetInt64());
    }

    [Fact]
    public async Task A_group_message_is_posted_to_every_bot_in_the_group_but_the_sender()
    {
        await using var qq = await TestQq.StartAsync();
        await qq.ControlAsync("bots", new { selfId = 10002, nickname = "Second" });
        await qq.ControlAsync($"groups/{TestQq.Team}/members", new { userId = 10002 });

        await qq.ControlAsync($"groups/{TestQq.Team}/messages", new
        {
            userId = TestQq.Bob,
            message = new object[] { new { type = "at", data = new { qq = TestQq.Bot.ToString(System.Globalization.CultureInfo.InvariantCulture) } }, new { type = "text", data = new { text = " ping" } } },
        });
        var first = (await qq.EventAsync(e => TestQq.Is(e, "message_type", "group"))).Json;
        var second = (await qq.EventAsync(e => TestQq.Is(e, "message_type", "group"), selfId: 10002)).Json;
        Assert.Equal(first.GetProperty("message_id").GetInt32(), second.GetProperty("message_id").GetInt32());
        Assert.Equal("normal", first.GetProperty("sub_type").GetString());
        Assert.Equal(TestQq.Team, first.GetProperty("group_id").GetInt64());
        Assert.Equal($"[CQ:at,qq={TestQq.Bot}] ping", first.GetProperty("raw_message").GetString());
        Assert.Equal("member", first.GetProperty("sender").GetProperty("role").GetString());

        // The bot's own group message reaches the other bot, never itself.
        await qq.OkAsync("send_group_msg", new { group_id = TestQq.Team, message = "from bot" });
        var echo = (await qq.EventAsync(e => TestQq.Is(e, "raw_message", "from bot"), selfId: 10002)).Json;
        Assert.Equal("admin", echo.GetProperty("sender").GetProperty("role").GetString());
        Assert.Equal("bot card", echo.GetProperty("sender").GetProperty("card").GetString());
        Assert.DoesNotContain(qq.Receiver.Posts, p => p.Json.GetProperty("self_id").GetInt64() == TestQq.Bot && TestQq.Is(p.Json, "raw_message", "from bot"));
    }

    [Fact]
    public async Task With_message_format_string_the_message_is_the_cq_string()
    {
        await using var qq = await TestQq.StartAsync(format: "string");
        await qq.ControlAsync("messages/private", new { userId = TestQq.Alice, selfId = TestQq.Bot, message = "a&b [CQ:face,id=1]" });
        var e = (await qq.EventAsync(e => TestQq.Is(e, "message_type", "private"))).Json;
        Assert.Equal("a&amp;b [CQ:face,id=1]", e.GetProperty("message").GetString());
    }
}
