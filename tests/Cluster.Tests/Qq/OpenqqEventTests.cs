using System.Net;
using System.Text;
using System.Text.Json;
using OpenWxCluster.QqEmulator.World;
using OpenWxCluster.QqProtocol.Events;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Qq;

/// <summary>
/// Events from the emulator's signed HTTP POST reports through the web front's /onebot intake into the account's
/// durable pipeline, read back by an Openqq consumer (check_event), and what the intake refuses.
/// </summary>
public sealed class OpenqqEventTests(QqClusterFixture fx) : IClassFixture<QqClusterFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fx.StartClientAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Private_and_group_messages_reach_check_event_once_each_with_Openqq_fields()
    {
        var alice = fx.World.UserSendsPrivate(QqClusterFixture.Alice, QqClusterFixture.Bot,
            [MessageSegment.Text("hi "), new MessageSegment("face", new Dictionary<string, string> { ["id"] = "14" }), MessageSegment.Text(" [CQ:at,qq=1]")]);
        var bob = fx.World.UserSendsGroup(QqClusterFixture.Bob, QqClusterFixture.Team, [MessageSegment.Text("hello all")]);
        var barrier = fx.World.UserSendsPrivate(QqClusterFixture.Carol, QqClusterFixture.Bot, [MessageSegment.Text("barrier")]);

        var messages = await CollectUntilAsync(barrier.MessageId);
        Assert.Equal(
            [Id(alice), Id(bob), Id(barrier)],
            messages.Select(m => m.GetProperty("id").GetString()));
        var friend = messages[0];
        Assert.Equal(("receive_message", "friend_message", "recv"), (S(friend, "post_type"), S(friend, "type"), S(friend, "class")));
        Assert.Equal("hi [微笑] [CQ:at,qq=1]", S(friend, "content"));
        Assert.Equal(("20001", "20001", "Alice"), (S(friend, "sender_id"), S(friend, "sender_uid"), S(friend, "sender")));
        Assert.Equal(("10001", "10001"), (S(friend, "receiver_id"), S(friend, "receiver_uid")));
        var group = messages[1];
        Assert.Equal(("group_message", "30001", "30001", "Team"), (S(group, "type"), S(group, "group_id"), S(group, "group_uid"), S(group, "group")));
        Assert.Equal(("20002", "Bobby"), (S(group, "sender_uid"), S(group, "sender")));
    }

    [Fact]
    public async Task The_intake_refuses_bad_signatures_other_accounts_and_non_events_and_takes_a_correct_one()
    {
        var body = Encoding.UTF8.GetBytes(
            """{"time":1700000000,"self_id":10001,"post_type":"message","message_type":"private","sub_type":"friend","message_id":777001,"user_id":20003,"message":[{"type":"text","data":{"text":"signed by hand"}}],"raw_message":"signed by hand","font":0,"sender":{"user_id":20003,"nickname":"Carol"}}""");
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(body, "sha1=" + new string('0', 40)));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(body, signature: null));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(body, OneBotSignature.Compute(QqClusterFixture.Secret, body), selfId: "10002"));
        var notJson = "not json"u8.ToArray();
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(notJson, OneBotSignature.Compute(QqClusterFixture.Secret, notJson)));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync(body, OneBotSignature.Compute(QqClusterFixture.Secret, body), client: "qq_never_started"));

        Assert.Equal(HttpStatusCode.NoContent, await PostAsync(body, OneBotSignature.Compute(QqClusterFixture.Secret, body)));
        // The same report again (a retry) is acknowledged and not reported twice.
        Assert.Equal(HttpStatusCode.NoContent, await PostAsync(body, OneBotSignature.Compute(QqClusterFixture.Secret, body)));
        var barrier = fx.World.UserSendsPrivate(QqClusterFixture.Carol, QqClusterFixture.Bot, [MessageSegment.Text("barrier 2")]);
        var messages = await CollectUntilAsync(barrier.MessageId);
        Assert.Equal(["signed by hand", "barrier 2"], messages.Select(m => S(m, "content")));
    }

    [Fact]
    public async Task Without_a_secret_unsigned_reports_are_taken()
    {
        // The test is this account's implementation: it posts for a client the emulator does not report to.
        const string client = "qq_unsigned";
        var started = await fx.Api.GetAsync("start_client", ("client", client),
            ("onebot_url", fx.Emulator.BaseUri.ToString().TrimEnd('/')), ("onebot_token", QqClusterFixture.Token));
        Assert.Equal(0, started.GetProperty("code").GetInt32());
        await fx.Api.WaitForStateAsync(client, "running");
        var body = Encoding.UTF8.GetBytes(
            """{"time":1700000000,"self_id":10001,"post_type":"message","message_type":"private","sub_type":"friend","message_id":888001,"user_id":20001,"message":"unsigned [CQ:face,id=14]","raw_message":"unsigned [CQ:face,id=14]","font":0,"sender":{"user_id":20001,"nickname":"Alice"}}""");

        Assert.Equal(HttpStatusCode.NoContent, await PostAsync(body, signature: null, client: client));

        var message = await fx.Api.WaitForEventAsync(client, e => S(e, "id") == "888001");
        Assert.Equal(("unsigned [微笑]", "Alice"), (S(message, "content"), S(message, "sender")));
    }

    [Fact]
    public async Task A_send_through_the_API_is_reported_once_as_send_message()
    {
        var sent = await fx.Api.GetAsync("send_friend_message", ("client", QqClusterFixture.Client), ("uid", "20003"), ("content", "from the api"));
        Assert.Equal((0, "发送成功"), (sent.GetProperty("code").GetInt32(), S(sent, "status")));
        var barrier = fx.World.UserSendsPrivate(QqClusterFixture.Carol, QqClusterFixture.Bot, [MessageSegment.Text("barrier 3")]);
        var messages = await CollectUntilAsync(barrier.MessageId);
        var own = Assert.Single(messages, m => S(m, "post_type") == "send_message");
        Assert.Equal((sent.GetProperty("id").ToString(), "from the api", "send", "20003"),
            (S(own, "id"), S(own, "content"), S(own, "class"), S(own, "receiver_uid")));
    }

    /// <summary>Message entries of check_event until the one with <paramref name="lastId"/>, after the test's start.</summary>
    private async Task<List<JsonElement>> CollectUntilAsync(int lastId)
    {
        var collected = new List<JsonElement>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var events = await fx.Api.GetAsync("check_event", ("client", QqClusterFixture.Client));
            collected.AddRange(events.EnumerateArray().Where(e => S(e, "post_type") is "receive_message" or "send_message").Select(e => e.Clone()));
            if (collected.Any(e => S(e, "id") == lastId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                return collected;
            }
        }
        throw new TimeoutException($"message {lastId} never reached check_event");
    }

    private async Task<HttpStatusCode> PostAsync(byte[] body, string? signature, string selfId = "10001", string client = QqClusterFixture.Client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"onebot/{client}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Self-ID", selfId);
        if (signature is not null)
        {
            request.Headers.Add("X-Signature", signature);
        }
        using var response = await fx.Http.SendAsync(request);
        return response.StatusCode;
    }

    internal static string Id(QqMessage m) => m.MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static string? S(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString()) : null;
}
