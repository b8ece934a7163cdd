using System.Net;
using System.Net.Http.Json;
using OpenWxCluster.QqEmulator.Tests.Support;

namespace OpenWxCluster.QqEmulator.Tests;

/// <summary>Forward WebSocket: Universal, API-only and Event-only endpoints, and refused handshakes.</summary>
public sealed class ForwardWsTests
{
    [Fact]
    public async Task The_universal_socket_sends_lifecycle_then_events_and_answers_actions_with_echo()
    {
        await using var qq = await TestQq.StartAsync();
        await using var ws = await WsClient.ConnectAsync(qq.Host.BaseUri, "/", "Token " + TestQq.Token);

        var first = await ws.ReceiveAsync();
        Assert.Equal("lifecycle", first.GetProperty("meta_event_type").GetString());
        Assert.Equal(TestQq.Bot, first.GetProperty("self_id").GetInt64());

        await ws.SendAsync(new { action = "get_login_info", echo = 1 });
        var answer = await ws.ReceiveAsync();
        Assert.Equal(1, answer.GetProperty("echo").GetInt32());
        Assert.Equal("Bot", answer.GetProperty("data").GetProperty("nickname").GetString());

        await qq.ControlAsync("messages/private", new { userId = TestQq.Alice, selfId = TestQq.Bot, message = "over forward ws" });
        var evt = await ws.ReceiveAsync();
        Assert.Equal("over forward ws", evt.GetProperty("raw_message").GetString());
    }

    [Fact]
    public async Task The_api_socket_carries_no_events_and_the_event_socket_answers_no_actions()
    {
        await using var qq = await TestQq.StartAsync();
        await using var api = await WsClient.ConnectAsync(qq.Host.BaseUri, $"/bots/{TestQq.Bot}/api", "Bearer " + TestQq.Token);
        await using var events = await WsClient.ConnectAsync(qq.Host.BaseUri, "/event", "Bearer " + TestQq.Token);
        Assert.Equal("lifecycle", (await events.ReceiveAsync()).GetProperty("meta_event_type").GetString());

        await events.SendAsync(new { action = "send_private_msg", @params = new { user_id = TestQq.Alice, message = "ignored" }, echo = "ev" });
        await qq.ControlAsync("messages/private", new { userId = TestQq.Alice, selfId = TestQq.Bot, message = "news" });
        // Frames keep their order: had the action been answered, the answer would come before the later event.
        Assert.Equal("news", (await events.ReceiveAsync()).GetProperty("raw_message").GetString());

        await api.SendAsync(new { action = "get_status", echo = "api" });
        // The message event was raised before this action: an event on this socket would have come first.
        var answer = await api.ReceiveAsync();
        Assert.Equal("api", answer.GetProperty("echo").GetString());
        Assert.True(answer.GetProperty("data").GetProperty("online").GetBoolean());
        Assert.Empty((await qq.ControlGetAsync($"bots/{TestQq.Bot}/sent")).EnumerateArray());
    }

    [Fact]
    public async Task Handshakes_are_refused_without_or_with_a_wrong_token_for_unknown_bots_and_offline_bots()
    {
        await using var qq = await TestQq.StartAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, await WsClient.RefusedAsync(qq.Host.BaseUri, "/", null));
        Assert.Equal(HttpStatusCode.Forbidden, await WsClient.RefusedAsync(qq.Host.BaseUri, "/", "Bearer nope"));
        Assert.Equal(HttpStatusCode.NotFound, await WsClient.RefusedAsync(qq.Host.BaseUri, "/bots/5", "Bearer " + TestQq.Token));
        await qq.Http.PutAsJsonAsync($"control/bots/{TestQq.Bot}/online", new { online = false });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await WsClient.RefusedAsync(qq.Host.BaseUri, "/", "Bearer " + TestQq.Token));
    }
}
