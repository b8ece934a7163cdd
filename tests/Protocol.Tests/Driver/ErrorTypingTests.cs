using System.Net;
using Microsoft.Extensions.Options;
using OpenWxCluster.Protocol.Web;
using OpenWxCluster.Protocol.Tests.Support;

namespace OpenWxCluster.Protocol.Tests.Driver;

public sealed class ErrorTypingTests
{
    private static readonly string[] Secrets = ["SIDSECRET", "SKEYSECRET", "PT/SECRET", "PT%2FSECRET", "2100000001"];

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Http_5xx_is_a_transport_error(HttpStatusCode status)
    {
        var handler = new RecordingHandler().EnqueueText("oops", status);
        var ex = await Assert.ThrowsAsync<WxTransportException>(() => TestDrivers.Create(handler).SyncAsync(TestDrivers.Session()));
        Assert.Equal((int)status, ex.HttpStatus);
        Assert.Equal("webwxsync", ex.Operation);
        AssertNoSecrets(ex);
    }

    [Theory]
    [InlineData("{\"BaseResponse\":{\"Ret\":0,\"ErrMsg\":\"\"},\"AddMsgList\":[{\"MsgId\":\"1\"")]
    [InlineData("")]
    [InlineData("<html>busy</html>")]
    [InlineData("{\"AddMsgList\":[]}")]
    public async Task Truncated_or_malformed_bodies_are_transport_errors(string body)
    {
        var handler = new RecordingHandler().EnqueueJson(body);
        var ex = await Assert.ThrowsAsync<WxTransportException>(() => TestDrivers.Create(handler).SyncAsync(TestDrivers.Session()));
        AssertNoSecrets(ex);
    }

    [Fact]
    public async Task Ret_not_zero_is_a_ret_error_exposing_Ret()
    {
        var handler = new RecordingHandler().EnqueueJson("{\"BaseResponse\":{\"Ret\":1205,\"ErrMsg\":\"too frequent\"},\"MsgID\":\"\",\"LocalID\":\"\"}");
        var ex = await Assert.ThrowsAsync<WxRetException>(() =>
            TestDrivers.Create(handler).SendTextAsync(TestDrivers.Session(), "@f", "x", "17000000000000001"));
        Assert.Equal(1205, ex.Ret);
        Assert.Equal("too frequent", ex.ErrMsg);
        Assert.Equal("webwxsendmsg", ex.Operation);
        AssertNoSecrets(ex);
    }

    [Fact]
    public async Task A_request_that_outlives_the_timeout_is_a_transport_error()
    {
        var driver = new WebWxDriver(
            new HttpClient(new HangingHandler()),
            Options.Create(new WebWxOptions { LongPollTimeout = TimeSpan.FromMilliseconds(200) }));
        var ex = await Assert.ThrowsAsync<WxTransportException>(() => driver.SyncCheckAsync(TestDrivers.Session()));
        Assert.Contains("timed out", ex.Message);
        AssertNoSecrets(ex);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_turned_into_a_transport_error()
    {
        var driver = new WebWxDriver(
            new HttpClient(new HangingHandler()),
            Options.Create(new WebWxOptions()));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => driver.SyncCheckAsync(TestDrivers.Session(), cts.Token));
    }

    [Fact]
    public async Task Connection_refused_is_a_transport_error()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var driver = new WebWxDriver(
            new HttpClient(),
            Options.Create(new WebWxOptions { LoopbackBaseUrl = $"http://127.0.0.1:{port}" }));
        var ex = await Assert.ThrowsAsync<WxTransportException>(() => driver.SyncCheckAsync(TestDrivers.Session()));
        Assert.Contains("connection failed", ex.Message);
        AssertNoSecrets(ex);
    }

    [Fact]
    public async Task Unexpected_4xx_is_a_transport_error_with_status()
    {
        var handler = new RecordingHandler().EnqueueText("", HttpStatusCode.Forbidden);
        var ex = await Assert.ThrowsAsync<WxTransportException>(() => TestDrivers.Create(handler).InitAsync(TestDrivers.Session()));
        Assert.Equal(403, ex.HttpStatus);
    }

    private static void AssertNoSecrets(Exception ex)
    {
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, ex.Message);
        }
    }
}
