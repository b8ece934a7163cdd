using System.Net;
using System.Net.WebSockets;
using System.Text;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>GET /onebot/{client}/ws: the handshake authorized by the grain, then text frames to the grain in order.</summary>
public sealed class OneBotSocketTests
{
    private static readonly Uri SocketUri = new("ws://localhost/onebot/bot/ws");

    /// <summary>IntakeRetry.Attempts (internal): grain calls per event before the socket is given up.</summary>
    private const int IngestAttempts = 13;

    [Theory]
    [InlineData(QqIntakeResult.Unauthorized, HttpStatusCode.Unauthorized)]
    [InlineData(QqIntakeResult.WrongSelf, HttpStatusCode.Forbidden)]
    [InlineData(QqIntakeResult.NotStarted, HttpStatusCode.NotFound)]
    public async Task A_refused_handshake_answers_before_the_upgrade(QqIntakeResult result, HttpStatusCode status)
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.QqAccount("bot").SocketAnswer = result;

        using var response = await host.Client.GetAsync("/onebot/bot/ws");

        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public async Task A_handshake_the_grain_cannot_answer_is_a_503_before_the_upgrade()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.QqAccount("bot").HandshakeFailure = new TimeoutException("silo gone");

        using var response = await host.Client.GetAsync("/onebot/bot/ws");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("""{"code":503,"status":"account unavailable"}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Bearer t0k", null, "t0k")]
    [InlineData("Token t0k", null, "t0k")]
    [InlineData(null, "?access_token=t0k", "t0k")]
    [InlineData(null, null, null)]
    public async Task The_token_is_read_from_authorization_or_the_query(string? authorization, string? query, string? token)
    {
        await using var host = await ApiHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/onebot/bot/ws" + query);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        request.Headers.Add("X-Self-ID", "10001");

        using var response = await host.Client.SendAsync(request);

        // Authorized, but a plain GET is no upgrade.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"code":400,"status":"websocket upgrade required"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal((token, "10001"), Assert.Single(host.Grains.QqAccount("bot").Handshakes));
    }

    [Fact]
    public async Task Events_reach_the_grain_in_order_and_action_responses_are_skipped()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.QqAccount("bot");
        using var socket = await ConnectAsync(host);

        await SendAsync(socket, """{"post_type":"meta_event","n":1}""");
        await SendAsync(socket, """{"status":"ok","retcode":0,"data":null,"echo":"e1"}""");
        // One message in two frames.
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"post_type":"message","""), WebSocketMessageType.Text, false, CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes(""" "n":2}"""), WebSocketMessageType.Text, true, CancellationToken.None);
        Assert.True(await account.WaitIngestedAsync());
        Assert.True(await account.WaitIngestedAsync());

        Assert.Equal(
            ["""{"post_type":"meta_event","n":1}""", """{"post_type":"message", "n":2}"""],
            account.Intakes.Select(i => Encoding.UTF8.GetString(i.Body)).ToArray());
        Assert.All(account.Intakes, i => Assert.Equal(("10001", null, QqTransport.ReverseWebSocket), (i.SelfId, i.Signature, i.Transport)));
        Assert.Equal(("t0k", "10001"), Assert.Single(account.Handshakes));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        Assert.Equal(2, account.IngestCalls);
    }

    [Fact]
    public async Task A_failing_grain_call_is_retried()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.QqAccount("bot");
        account.IngestFailures = 2;
        using var socket = await ConnectAsync(host);

        await SendAsync(socket, """{"post_type":"notice"}""");

        Assert.True(await account.WaitIngestedAsync());
        Assert.Equal(3, account.IngestCalls);
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task A_grain_that_keeps_failing_closes_the_socket_with_1011()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.QqAccount("bot");
        account.IngestFailures = IngestAttempts;
        using var socket = await ConnectAsync(host);

        await SendAsync(socket, """{"post_type":"notice"}""");
        var closed = await socket.ReceiveAsync(new byte[64], CancellationToken.None);

        Assert.Equal(WebSocketMessageType.Close, closed.MessageType);
        Assert.Equal(WebSocketCloseStatus.InternalServerError, closed.CloseStatus);
        Assert.Equal(IngestAttempts, account.IngestCalls);
        Assert.Empty(account.Intakes);
    }

    [Fact]
    public async Task A_stopped_account_closes_the_socket_with_a_policy_violation()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.QqAccount("bot");
        account.IntakeAnswer = QqIntakeResult.NotStarted;
        using var socket = await ConnectAsync(host);

        await SendAsync(socket, """{"post_type":"notice"}""");
        var closed = await socket.ReceiveAsync(new byte[64], CancellationToken.None);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, closed.CloseStatus);
        Assert.Equal("NotStarted", closed.CloseStatusDescription);
    }

    [Fact]
    public async Task A_message_past_1_mib_closes_the_socket_with_1009()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.QqAccount("bot");
        using var socket = await ConnectAsync(host);

        await socket.SendAsync(new byte[1024 * 1024 + 1], WebSocketMessageType.Text, true, CancellationToken.None);
        var closed = await socket.ReceiveAsync(new byte[64], CancellationToken.None);

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, closed.CloseStatus);
        Assert.Equal(0, account.IngestCalls);
    }

    private static async Task<WebSocket> ConnectAsync(ApiHost host)
    {
        var client = host.Server.CreateWebSocketClient();
        client.ConfigureRequest = r =>
        {
            r.Headers.Authorization = "Bearer t0k";
            r.Headers["X-Self-ID"] = "10001";
        };
        return await client.ConnectAsync(SocketUri, CancellationToken.None);
    }

    private static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
}
