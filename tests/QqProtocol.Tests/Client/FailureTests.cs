using Microsoft.Extensions.DependencyInjection;
using OpenWxCluster.QqProtocol.Hosting;
using OpenWxCluster.QqProtocol.Tests.Support;

namespace OpenWxCluster.QqProtocol.Tests.Client;

/// <summary>Typed failures, and which of them are retried (reads only).</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task A_failed_retcode_surfaces_with_code_status_and_wording()
    {
        await using var stub = await OneBotStub.StartAsync();
        stub.Answer = _ => StubAnswer.Failed(1200, "Timeout: sendMsg");

        var e = await Assert.ThrowsAsync<QqRetcodeException>(() => Clients.For(stub).SendGroupMsgAsync(1, [OneBotSegment.Text("x")]));

        Assert.Equal((1200, "failed", "Timeout: sendMsg", "send_group_msg"), (e.Retcode, e.Status, e.Detail, e.Action));
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_failed_read_is_not_retried_either()
    {
        await using var stub = await OneBotStub.StartAsync();
        stub.Answer = _ => StubAnswer.Failed(100, "bad group");

        var e = await Assert.ThrowsAsync<QqRetcodeException>(() => Clients.For(stub).GetGroupInfoAsync(1));
        Assert.Equal(100, e.Retcode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Missing_token_is_401_and_wrong_token_is_403_as_auth_errors()
    {
        await using var stub = await OneBotStub.StartAsync();

        var missing = await Assert.ThrowsAsync<QqAuthException>(() => Clients.For(stub, token: null).GetLoginInfoAsync());
        var wrong = await Assert.ThrowsAsync<QqAuthException>(() => Clients.For(stub, token: "nope").GetLoginInfoAsync());

        Assert.Equal((401, 403), (missing.HttpStatus, wrong.HttpStatus));
        Assert.Null(stub.Requests[0].Authorization);
        Assert.Equal("Bearer nope", stub.Requests[1].Authorization);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Unknown_action_404_is_retcode_1404()
    {
        await using var stub = await OneBotStub.StartAsync();
        stub.Answer = _ => new StubAnswer(404, null);

        Assert.Equal(1404, (await Assert.ThrowsAsync<QqRetcodeException>(() => Clients.For(stub).GetStatusAsync())).Retcode);
    }

    [Fact]
    public async Task A_dropped_connection_on_a_read_is_retried_and_succeeds()
    {
        await using var stub = await OneBotStub.StartAsync();
        var calls = 0;
        stub.Answer = _ => Interlocked.Increment(ref calls) == 1 ? StubAnswer.Dropped : StubAnswer.Ok("""{"user_id":5,"nickname":"n"}""");

        Assert.Equal(5, (await Clients.For(stub).GetLoginInfoAsync()).UserId);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_dropped_connection_on_a_send_is_a_transport_error_without_retry()
    {
        await using var stub = await OneBotStub.StartAsync();
        stub.Answer = _ => StubAnswer.Dropped;

        var e = await Assert.ThrowsAsync<QqTransportException>(() => Clients.For(stub).SendPrivateMsgAsync(1, [OneBotSegment.Text("x")]));

        Assert.True(e.Transient);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_persistent_5xx_exhausts_read_retries_but_is_sent_once_for_admin_actions()
    {
        await using var stub = await OneBotStub.StartAsync();
        stub.Answer = _ => new StubAnswer(502, null);

        var read = await Assert.ThrowsAsync<QqTransportException>(() => Clients.For(stub, readRetries: 2).GetFriendListAsync());
        Assert.Equal(502, read.HttpStatus);
        Assert.Equal(3, stub.Requests.Count);

        await Assert.ThrowsAsync<QqTransportException>(() => Clients.For(stub).SetGroupKickAsync(1, 2));
        Assert.Equal(4, stub.Requests.Count);
    }

    [Fact]
    public async Task A_body_that_is_not_an_envelope_is_a_transport_error()
    {
        await using var stub = await OneBotStub.StartAsync();
        stub.Answer = _ => new StubAnswer(200, "<html>proxy</html>");

        Assert.IsType<System.Text.Json.JsonException>(
            (await Assert.ThrowsAsync<QqTransportException>(() => Clients.For(stub, readRetries: 0).GetStatusAsync())).InnerException,
            exactMatch: false);
    }

    [Fact]
    public async Task The_service_registration_resolves_a_working_client()
    {
        await using var stub = await OneBotStub.StartAsync();
        stub.Answer = _ => StubAnswer.Ok("""{"user_id":8,"nickname":"di"}""");
        await using var provider = new ServiceCollection()
            .AddOneBotProtocol(o => (o.BaseUrl, o.AccessToken) = (stub.BaseUrl, OneBotStub.Token))
            .BuildServiceProvider();

        Assert.Equal(new QqLoginInfo(8, "di"), await provider.GetRequiredService<IOneBotClient>().GetLoginInfoAsync());
    }
}
