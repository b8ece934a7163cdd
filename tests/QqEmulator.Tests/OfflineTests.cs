using System.Net.Http.Json;
using OpenWxCluster.QqEmulator.Tests.Support;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.QqEmulator.Tests;

/// <summary>A bot taken offline: bot_offline reported, calls refused with 104, nothing heard until it is back.</summary>
public sealed class OfflineTests
{
    [Fact]
    public async Task An_offline_bot_reports_bot_offline_answers_104_hears_nothing_and_reconnects()
    {
        await using var qq = await TestQq.StartAsync();

        await qq.Http.PutAsJsonAsync($"control/bots/{TestQq.Bot}/online", new { online = false });
        var offline = await qq.EventAsync(e => TestQq.Is(e, "notice_type", "bot_offline"));
        Assert.Equal(TestQq.Bot, offline.Json.GetProperty("user_id").GetInt64());

        Assert.Equal(104, await qq.FailAsync("send_private_msg", new { user_id = TestQq.Alice, message = "hi" }));
        Assert.Equal(104, await qq.FailAsync("get_login_info"));
        Assert.Equal(104, await qq.FailAsync("get_friend_list"));
        var status = await qq.OkAsync("get_status");
        Assert.False(status.GetProperty("online").GetBoolean());
        Assert.False(status.GetProperty("good").GetBoolean());

        var unheard = await qq.ControlAsync("messages/private", new { userId = TestQq.Alice, selfId = TestQq.Bot, message = "anyone?" });
        await qq.Http.PutAsJsonAsync($"control/bots/{TestQq.Bot}/online", new { online = true });
        var connects = await Eventually.ValueAsync(
            () => Task.FromResult(qq.Receiver.Posts.Count(p => TestQq.Is(p.Json, "meta_event_type", "lifecycle"))),
            n => n == 2,
            TimeSpan.FromSeconds(20),
            "a second lifecycle connect");
        Assert.Equal(2, connects);

        var heard = await qq.ControlAsync("messages/private", new { userId = TestQq.Alice, selfId = TestQq.Bot, message = "back?" });
        await qq.EventAsync(e => TestQq.Is(e, "raw_message", "back?"));
        // Events are posted in order, so once the later message arrived the earlier one would have too.
        Assert.DoesNotContain(qq.Receiver.Posts, p => TestQq.Is(p.Json, "raw_message", "anyone?"));
        Assert.NotEqual(unheard.GetProperty("messageId").GetInt32(), heard.GetProperty("messageId").GetInt32());
        await qq.OkAsync("send_private_msg", new { user_id = TestQq.Alice, message = "yes" });
    }
}
