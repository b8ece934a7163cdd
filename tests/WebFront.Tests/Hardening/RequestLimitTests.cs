using System.Net;
using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>Body size, query length and request rate, checked on real Kestrel before anything is parsed.</summary>
public sealed class RequestLimitTests
{
    private static readonly Dictionary<string, string?> SmallBodies = new() { ["App:Api:MaxBodyBytes"] = "4096" };

    [Theory]
    [InlineData("/openqq/send_friend_message", 1_000_000, 4096)]
    [InlineData("/openwx/send_friend_message", 40_000_000, 33554432)]
    public async Task A_declared_length_past_the_limit_is_refused_with_413_before_the_body_arrives(string route, long declared, long limit)
    {
        await using var host = await ApiHost.StartAsync(SmallBodies, kestrel: true);
        host.Grains.Running("default", friends: [TestData.WxPay]);
        var bot = host.Grains.RunningBot();
        await using var raw = await RawHttp.ConnectAsync(host.Address!);

        // More announced than the limit, ten bytes sent: an answer can only come from a check that reads nothing
        // (the media route's case, past Kestrel's own 30 MB default, is refused by Kestrel's limit as well).
        await raw.WriteAsync($"POST {route} HTTP/1.1\r\nHost: x\r\n"
            + $"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {declared}\r\n\r\ncontent=hi");
        var (status, body) = await raw.ReadAnswerAsync();

        Assert.Equal(413, status);
        Assert.Equal($$"""{"code":-1,"status":"request body too large: at most {{limit}} bytes"}""", body);
        Assert.Empty(host.Grains.Account("default").Sent);
        Assert.Empty(bot.Sent);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json")]
    public async Task A_chunked_body_is_cut_off_with_413_once_it_passes_the_limit(string contentType)
    {
        await using var host = await ApiHost.StartAsync(SmallBodies, kestrel: true);
        var bot = host.Grains.RunningBot();
        await using var raw = await RawHttp.ConnectAsync(host.Address!);

        // The body never ends: the answer comes only because the limit was passed.
        await raw.WriteAsync($"POST /openqq/send_friend_message HTTP/1.1\r\nHost: x\r\nContent-Type: {contentType}\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (var i = 0; i < 5; i++)
        {
            await raw.WriteChunkAsync(1000);
        }
        var (status, body) = await raw.ReadAnswerAsync();

        Assert.Equal(413, status);
        Assert.Equal("""{"code":-1,"status":"request body too large: at most 4096 bytes"}""", body);
        Assert.Empty(bot.Sent);
    }

    [Fact]
    public async Task A_media_upload_keeps_its_larger_bound()
    {
        await using var host = await ApiHost.StartAsync(SmallBodies, kestrel: true);
        var account = host.Grains.Running("default");
        var bytes = new byte[300_000];
        new Random(7).NextBytes(bytes);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["media_data"] = Convert.ToBase64String(bytes) });
        using var uploaded = await host.Client.PostAsync("/openwx/upload_media", form);
        using var sameOnInfo = new FormUrlEncodedContent(new Dictionary<string, string> { ["media_data"] = Convert.ToBase64String(bytes) });
        using var refused = await host.Client.PostAsync("/openwx/get_user_info", sameOnInfo);

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal(bytes, Assert.Single(account.Uploads).Data);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
    }

    [Fact]
    public async Task A_query_past_the_limit_is_refused_with_414_in_mojo_json()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["App:Api:MaxQueryLength"] = "9000" }, kestrel: true);
        var account = host.Grains.Running("default", friends: [TestData.WxPay]);

        // "?account=wxzhifu&content=" is 25 characters of the query string.
        using var atLimit = await host.Client.GetAsync("/openwx/send_friend_message?account=wxzhifu&content=" + new string('a', 9000 - 25));
        using var past = await host.Client.GetAsync("/openwx/send_friend_message?account=wxzhifu&content=" + new string('a', 9001 - 25));

        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, past.StatusCode);
        Assert.Equal("""{"code":-1,"status":"query string too long: at most 9000 bytes"}""", await past.Content.ReadAsStringAsync());
        Assert.Single(account.Sent);
    }

    [Fact]
    public async Task Requests_past_the_rate_get_429_per_credential_and_check_event_is_not_counted()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["App:Api:ApiToken"] = "api",
            ["App:Api:AdminToken"] = "admin",
            ["App:Api:RateLimit:Permits"] = "1",
            ["App:Api:RateLimit:Period"] = "01:00:00",
            ["App:Api:RateLimit:Burst"] = "3",
            ["App:Api:CheckEventHold"] = "00:00:00.05",
        }, kestrel: true);
        host.Grains.Running("default");

        var api = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await host.Client.GetAsync("/openwx/get_user_info?token=api");
            api.Add(response.StatusCode);
        }
        using var limited = await host.Client.GetAsync("/openwx/get_user_info?token=api");
        using var otherCredential = await host.Client.GetAsync("/openwx/check_client?token=admin");
        using var events = await host.Client.GetAsync("/openwx/check_event?token=api");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], api.Take(4));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("3600", limited.Headers.RetryAfter!.ToString());
        Assert.Equal("""{"code":-1,"status":"too many requests: at most 1 per 01:00:00, retry later"}""", await limited.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, otherCredential.StatusCode);
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        Assert.IsType<JsonArray>(JsonNode.Parse(await events.Content.ReadAsStringAsync()));
    }
}
