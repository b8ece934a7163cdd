using OpenWxCluster.QqEmulator.Tests.Support;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.QqEmulator.Tests;

/// <summary>
/// koishi-plugin-adapter-onebot (npm, pinned), a real OneBot consumer, against the emulator: 6.5.4 over HTTP (API
/// calls with <c>Authorization: Token</c>; it checks our X-Signature over the raw body before dispatching), 6.9.4 over
/// forward and reverse WebSocket (it closes a reverse socket without X-Client-Role Universal and a known X-Self-ID).
/// Its replies are judged from the emulator's world.
/// </summary>
public sealed class KoishiConformanceTests
{
    [Fact]
    public Task Koishi_over_http_reads_friends_receives_signed_events_and_replies_in_private_and_group() => RunAsync("http");

    [Fact]
    public Task Koishi_over_forward_ws_reads_friends_receives_events_and_replies_in_private_and_group() => RunAsync("ws");

    [Fact]
    public Task Koishi_over_reverse_ws_reads_friends_receives_events_and_replies_in_private_and_group() => RunAsync("ws-reverse");

    private static async Task RunAsync(string protocol)
    {
        await KoishiHarness.EnsureInstalledAsync();
        var port = FreePort.Next();
        await using var qq = protocol switch
        {
            "http" => await TestQq.StartAsync(postUrl: new Uri($"http://127.0.0.1:{port}/onebot")),
            "ws-reverse" => await TestQq.StartAsync(reverseWs: new Uri($"ws://127.0.0.1:{port}/onebot")),
            _ => await TestQq.StartAsync(),
        };
        var endpoint = qq.Host.BaseUri.ToString().TrimEnd('/');
        await using var koishi = KoishiHarness.Start(new
        {
            protocol,
            endpoint = protocol == "ws" ? "ws" + endpoint[4..] : endpoint,
            port,
            selfId = TestQq.Bot.ToString(System.Globalization.CultureInfo.InvariantCulture),
            token = TestQq.Token,
            secret = TestQq.Secret,
        });

        var online = await koishi.StepAsync("online");
        Assert.Equal("Bot", online.GetProperty("name").GetString());
        var friends = await koishi.StepAsync("friends");
        Assert.Equal(["20001"], friends.GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToArray());

        var ping = await qq.ControlAsync("messages/private", new { userId = TestQq.Alice, selfId = TestQq.Bot, message = "ping" });
        var message = await koishi.StepAsync("message");
        Assert.Equal("20001", message.GetProperty("userId").GetString());
        Assert.True(message.GetProperty("isDirect").GetBoolean());
        var replied = await koishi.StepAsync("replied");

        await qq.ControlAsync($"groups/{TestQq.Team}/messages", new { userId = TestQq.Bob, message = "ping" });
        var groupMessage = await koishi.StepAsync("message");
        Assert.Equal(TestQq.Team.ToString(System.Globalization.CultureInfo.InvariantCulture), groupMessage.GetProperty("channelId").GetString());
        await koishi.StepAsync("replied");

        var sent = (await qq.ControlGetAsync($"bots/{TestQq.Bot}/sent")).EnumerateArray().ToList();
        Assert.Equal(2, sent.Count);
        Assert.Equal(replied.GetProperty("ids")[0].GetString(), sent[0].GetProperty("messageId").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("pong", sent[0].GetProperty("text").GetString());
        Assert.Equal(TestQq.Alice, sent[0].GetProperty("peerId").GetInt64());
        Assert.Equal("pong", sent[1].GetProperty("text").GetString());
        Assert.Equal(TestQq.Team, sent[1].GetProperty("groupId").GetInt64());
        Assert.NotEqual(ping.GetProperty("messageId").GetInt32(), sent[0].GetProperty("messageId").GetInt32());
    }
}
