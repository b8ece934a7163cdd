using System.Net.Http.Json;
using OpenWxCluster.QqEmulator.Tests.Support;

namespace OpenWxCluster.QqEmulator.Tests;

/// <summary>Reverse WebSocket, Universal role: handshake headers, lifecycle, events, actions with echo, reconnects.</summary>
public sealed class ReverseWsTests
{
    [Fact]
    public async Task A_bot_connects_with_its_headers_gets_events_and_answers_actions_with_echo()
    {
        await using var server = await ReverseWsServer.StartAsync();
        await using var qq = await TestQq.StartAsync(reverseWs: server.Url);

        var ws = await server.AcceptAsync();
        Assert.Equal(TestQq.Bot.ToString(System.Globalization.CultureInfo.InvariantCulture), ws.Headers["x-self-id"]);
        Assert.Equal("Universal", ws.Headers["x-client-role"]);
        Assert.Equal("Bearer " + TestQq.Token, ws.Headers["authorization"]);
        var first = (await ws.ReceiveAsync())!.Value;
        Assert.Equal("lifecycle", first.GetProperty("meta_event_type").GetString());
        Assert.Equal("connect", first.GetProperty("sub_type").GetString());

        await ws.SendAsync(new { action = "send_private_msg", @params = new { user_id = TestQq.Alice, message = "over ws" }, echo = "e-1" });
        var answer = await ws.ReceiveAsync(f => f.TryGetProperty("echo", out _));
        Assert.Equal("e-1", answer.GetProperty("echo").GetString());
        Assert.Equal(0, answer.GetProperty("retcode").GetInt32());
        var sent = Assert.Single((await qq.ControlGetAsync($"bots/{TestQq.Bot}/sent")).EnumerateArray());
        Assert.Equal(answer.GetProperty("data").GetProperty("message_id").GetInt32(), sent.GetProperty("messageId").GetInt32());

        await ws.SendAsync(new { action = "no_such_action", echo = 7 });
        var unknown = await ws.ReceiveAsync(f => f.TryGetProperty("echo", out _));
        Assert.Equal(1404, unknown.GetProperty("retcode").GetInt32());
        Assert.Equal(7, unknown.GetProperty("echo").GetInt32());

        await qq.ControlAsync("messages/private", new { userId = TestQq.Alice, selfId = TestQq.Bot, message = "to ws" });
        var evt = await ws.ReceiveAsync(f => TestQq.Is(f, "post_type", "message"));
        Assert.Equal("to ws", evt.GetProperty("raw_message").GetString());
    }

    [Fact]
    public async Task A_closed_connection_is_reopened_and_an_offline_bot_drops_it()
    {
        await using var server = await ReverseWsServer.StartAsync();
        await using var qq = await TestQq.StartAsync(reverseWs: server.Url);

        var first = await server.AcceptAsync();
        await first.ReceiveAsync(f => TestQq.Is(f, "meta_event_type", "lifecycle"));
        await first.CloseAsync();

        var second = await server.AcceptAsync();
        await second.ReceiveAsync(f => TestQq.Is(f, "meta_event_type", "lifecycle"));

        await qq.Http.PutAsJsonAsync($"control/bots/{TestQq.Bot}/online", new { online = false });
        await second.ReceiveAsync(f => TestQq.Is(f, "notice_type", "bot_offline"));
        Assert.Null(await second.ReceiveAsync());
        second.Closed.TrySetResult();

        await qq.Http.PutAsJsonAsync($"control/bots/{TestQq.Bot}/online", new { online = true });
        var third = await server.AcceptAsync();
        await third.ReceiveAsync(f => TestQq.Is(f, "meta_event_type", "lifecycle"));
    }
}
