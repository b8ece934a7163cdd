using System.Net;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>The admin token, the API token and per-account tokens: who opens what, and how a refusal looks.</summary>
public sealed class CredentialTests
{
    private const string AuthFailure = """{"code":-6,"status":"auth failure"}""";

    private static readonly Dictionary<string, string?> BothTokens = new()
    {
        ["App:Api:ApiToken"] = "api-token",
        ["App:Api:AdminToken"] = "admin-token",
        ["App:Api:Accounts:alice:ApiToken"] = "alice-token",
    };

    [Theory]
    [InlineData("/openwx/start_client?client=bot1")]
    [InlineData("/openwx/stop_client?client=bot1")]
    [InlineData("/openwx/check_client")]
    [InlineData("/openwx/get_qrcode?client=bot1")]
    [InlineData("/openqq/start_client?client=bot1&onebot_url=http%3A%2F%2F127.0.0.1%3A1")]
    [InlineData("/openqq/check_client")]
    public async Task Controller_routes_take_the_admin_token_only(string url)
    {
        await using var host = await ApiHost.StartAsync(BothTokens);

        var missing = await host.GetTextAsync(url);
        var api = await host.GetTextAsync(url + (url.Contains('?') ? '&' : '?') + "token=api-token");
        var account = await host.GetTextAsync(url + (url.Contains('?') ? '&' : '?') + "token=alice-token");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new("Bearer", "admin-token");
        using var admin = await host.Client.SendAsync(request);

        Assert.Equal((HttpStatusCode.Unauthorized, "auth failure"), missing);
        Assert.Equal((HttpStatusCode.Forbidden, "auth failure"), api);
        Assert.Equal((HttpStatusCode.Forbidden, "auth failure"), account);
        Assert.NotEqual("auth failure", await admin.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/openqq/relogin")]
    [InlineData("/openwx/get_post_log")]
    public async Task Relogin_and_the_delivery_log_are_admin_routes_with_mojos_json_refusal(string url)
    {
        await using var host = await ApiHost.StartAsync(BothTokens);
        host.Grains.Running("default");
        var bot = host.Grains.RunningBot();

        Assert.Equal((HttpStatusCode.Unauthorized, AuthFailure), await host.GetTextAsync(url));
        Assert.Equal((HttpStatusCode.Forbidden, AuthFailure), await host.GetTextAsync(url + "?token=api-token"));
        Assert.Equal(HttpStatusCode.OK, (await host.GetTextAsync(url + "?token=admin-token")).Status);
        Assert.Equal(url.EndsWith("relogin", StringComparison.Ordinal) ? 1 : 0, bot.ReloginCalls);
    }

    [Theory]
    [InlineData("/openwx/get_user_info")]
    [InlineData("/openqq/get_user_info")]
    public async Task Messaging_routes_take_the_api_or_admin_token_with_401_missing_and_403_wrong(string url)
    {
        await using var host = await ApiHost.StartAsync(BothTokens);
        host.Grains.Running("default");
        host.Grains.RunningBot();

        Assert.Equal((HttpStatusCode.Unauthorized, AuthFailure), await host.GetTextAsync(url));
        Assert.Equal((HttpStatusCode.Forbidden, AuthFailure), await host.GetTextAsync(url + "?token=nope"));
        Assert.Equal(HttpStatusCode.OK, (await host.GetTextAsync(url + "?token=api-token")).Status);
        Assert.Equal(HttpStatusCode.OK, (await host.GetTextAsync(url + "?token=admin-token")).Status);
    }

    [Fact]
    public async Task An_account_token_opens_that_accounts_messaging_routes_only()
    {
        await using var host = await ApiHost.StartAsync(BothTokens);
        host.Grains.Running("alice");
        host.Grains.Running("bob");

        Assert.Equal(HttpStatusCode.OK, (await host.GetTextAsync("/openwx/get_user_info?client=alice&token=alice-token")).Status);
        Assert.Equal((HttpStatusCode.Forbidden, AuthFailure), await host.GetTextAsync("/openwx/get_user_info?client=bob&token=alice-token"));
        Assert.Equal((HttpStatusCode.Forbidden, AuthFailure), await host.GetTextAsync("/openwx/get_user_info?token=alice-token"));
    }

    [Fact]
    public async Task Without_an_admin_token_the_api_token_opens_the_controller()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["App:Api:ApiToken"] = "api-token" });

        Assert.Equal((HttpStatusCode.Unauthorized, "auth failure"), await host.GetTextAsync("/openwx/check_client"));
        Assert.Equal(HttpStatusCode.OK, (await host.GetTextAsync("/openwx/check_client?token=api-token")).Status);
    }

    [Fact]
    public async Task An_admin_token_alone_guards_the_messaging_routes_too()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["App:Api:AdminToken"] = "admin-token" });
        host.Grains.Running("default");

        Assert.Equal((HttpStatusCode.Unauthorized, AuthFailure), await host.GetTextAsync("/openwx/get_user_info"));
        Assert.Equal(HttpStatusCode.OK, (await host.GetTextAsync("/openwx/get_user_info?token=admin-token")).Status);
    }

    [Fact]
    public async Task Without_any_token_the_api_is_open_as_mojo()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("default");

        Assert.Equal(HttpStatusCode.OK, (await host.GetTextAsync("/openwx/check_client")).Status);
        Assert.Equal(HttpStatusCode.OK, (await host.GetTextAsync("/openwx/get_user_info")).Status);
    }

    [Fact]
    public async Task A_token_in_a_form_body_is_taken()
    {
        await using var host = await ApiHost.StartAsync(BothTokens);
        var account = host.Grains.Running("default", friends: [TestData.WxPay]);

        var sent = await host.PostFormAsync("/openwx/send_friend_message",
            new Dictionary<string, string> { ["token"] = "api-token", ["account"] = "wxzhifu", ["content"] = "hi" });

        Assert.Equal(0, (int?)sent!["code"]);
        Assert.Single(account.Sent);
    }

    [Theory]
    [InlineData("/openwx/send_friend_message", "wrong")]
    [InlineData("/openwx/start_client", "api-token")]
    public async Task A_header_token_that_cannot_open_the_route_is_refused_before_the_body_is_read(string route, string token)
    {
        await using var host = await ApiHost.StartAsync(BothTokens, kestrel: true);
        host.Grains.Running("default", friends: [TestData.WxPay]);
        await using var raw = await RawHttp.ConnectAsync(host.Address!);

        // Within the body limit but never completed: only a refusal that reads nothing can answer.
        await raw.WriteAsync($"POST {route} HTTP/1.1\r\nHost: x\r\nX-OpenWx-Token: {token}\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\ncontent=hi");
        var (status, body) = await raw.ReadAnswerAsync();

        Assert.Equal(403, status);
        Assert.Equal(route.EndsWith("start_client", StringComparison.Ordinal) ? "auth failure" : AuthFailure, body);
        Assert.Empty(host.Grains.Account("default").Sent);
    }
}
