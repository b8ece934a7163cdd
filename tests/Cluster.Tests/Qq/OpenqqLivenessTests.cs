using System.Text.Json;
using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.Cluster.Tests.Qq;

/// <summary>
/// The account's state as an Openqq operator sees it (check_client) while the emulator's QQ account is logged out
/// (NapCat's bot_offline notice, then silence) and logs in again (lifecycle connect, heartbeats), with the events
/// saying so and no message lost or doubled across it.
/// </summary>
public sealed class OpenqqLivenessTests(QqClusterFixture fx) : IClassFixture<QqClusterFixture>
{
    [Fact]
    public async Task Bot_offline_shows_as_offline_with_its_cause_and_the_return_as_running_by_itself()
    {
        await fx.StartClientAsync();
        var client = QqClusterFixture.Client;

        fx.World.SetOnline(QqClusterFixture.Bot, false);
        var offline = await fx.Api.WaitForClientEntryAsync(client, e => e.GetProperty("state").GetString() == "offline", "offline");
        Assert.Equal("bot_offline", offline.GetProperty("offline_cause").GetString());
        var refused = await fx.Api.GetAsync("send_friend_message", ("client", client), ("uid", "20001"), ("content", "x"));
        Assert.Equal(-2, refused.GetProperty("code").GetInt32());

        fx.World.SetOnline(QqClusterFixture.Bot, true);
        var back = await fx.Api.WaitForClientEntryAsync(client, e => e.GetProperty("state").GetString() == "running", "running again");
        Assert.False(back.TryGetProperty("offline_cause", out var cause) && cause.ValueKind == JsonValueKind.String && cause.GetString()!.Length > 0);

        var message = fx.World.UserSendsPrivate(QqClusterFixture.Alice, QqClusterFixture.Bot, [MessageSegment.Text("after the return")]);
        var barrier = fx.World.UserSendsPrivate(QqClusterFixture.Carol, QqClusterFixture.Bot, [MessageSegment.Text("barrier")]);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var (seen, barrierSeen) = (0, false);
        while (!barrierSeen && DateTime.UtcNow < deadline)
        {
            foreach (var e in (await fx.Api.GetAsync("check_event", ("client", client))).EnumerateArray())
            {
                seen += OpenqqEventTests.S(e, "id") == OpenqqEventTests.Id(message) ? 1 : 0;
                barrierSeen |= OpenqqEventTests.S(e, "id") == OpenqqEventTests.Id(barrier);
            }
        }
        Assert.True(barrierSeen);
        Assert.Equal(1, seen);
    }

    [Fact]
    public async Task Heartbeats_that_stop_while_the_API_still_answers_make_the_account_offline_until_they_return()
    {
        // The test is the implementation's event side here: it posts signed heartbeats for this client.
        const string client = "qq_heartbeat";
        var started = await fx.Api.GetAsync("start_client", ("client", client),
            ("onebot_url", fx.Emulator.BaseUri.ToString().TrimEnd('/')), ("onebot_token", QqClusterFixture.Token),
            ("onebot_secret", QqClusterFixture.Secret));
        Assert.Equal(0, started.GetProperty("code").GetInt32());
        await fx.Api.WaitForStateAsync(client, "running");

        await PostHeartbeatAsync(client);
        // No more heartbeats: three intervals of 300 ms later the account is offline, though get_status says online.
        var offline = await fx.Api.WaitForClientEntryAsync(client, e => e.GetProperty("state").GetString() == "offline", "offline");
        Assert.Equal("heartbeat_lost", offline.GetProperty("offline_cause").GetString());

        await PostHeartbeatAsync(client);
        await fx.Api.WaitForStateAsync(client, "running");
    }

    private async Task PostHeartbeatAsync(string client)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(
            """{"time":1700000000,"self_id":10001,"post_type":"meta_event","meta_event_type":"heartbeat","status":{"online":true,"good":true},"interval":300}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"onebot/{client}") { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-Self-ID", "10001");
        request.Headers.Add("X-Signature", QqProtocol.Events.OneBotSignature.Compute(QqClusterFixture.Secret, body));
        using var response = await fx.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }
}
