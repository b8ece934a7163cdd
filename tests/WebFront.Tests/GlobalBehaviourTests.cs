using System.Net;
using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront.Tests;

public sealed class GlobalBehaviourTests
{
    [Theory]
    [InlineData("GET", "/openwx/no_such_api")]
    [InlineData("POST", "/openwx/get_nothing")]
    [InlineData("PUT", "/openwx/get_friend_info")]
    [InlineData("GET", "/openwx/")]
    public async Task Unknown_openwx_route_is_403_text_api_not_found(string method, string path)
    {
        await using var host = await ApiHost.StartAsync();

        using var response = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("api not found", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/openwx/get_friend_info")]
    [InlineData("/openwx/anything")]
    public async Task Options_is_200_with_allowed_methods(string path)
    {
        await using var host = await ApiHost.StartAsync();

        using var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OPTIONS, HEAD, GET, POST", string.Join(", ", response.Content.Headers.Allow));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Json_replies_carry_mojos_content_type_and_no_cors_by_default()
    {
        await using var host = await ApiHost.StartAsync();

        using var response = await host.Client.GetAsync("/openwx/get_friend_info?client=ghost");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"code":1,"status":"client not exists"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Jsonp_wraps_the_reply_in_the_callback()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["App:Api:Jsonp"] = "true" });
        host.Grains.Running("default", friends: [TestData.FileHelper]);

        var text = await host.Client.GetStringAsync("/openwx/get_friend_info?datatype=jsonp&callback=cb_1");

        Assert.StartsWith("cb_1([{\"id\":\"filehelper\"", text, StringComparison.Ordinal);
        Assert.EndsWith("])", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jsonp_refuses_a_callback_that_is_not_an_identifier()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["App:Api:Jsonp"] = "true" });

        var text = await host.Client.GetStringAsync("/openwx/check_client?client=x&datatype=jsonp&callback=alert(1)//");

        Assert.Matches(@"^jsoncallback\d+\(\{""code"":1,""status"":""client not exists""\}\)$", text);
    }

    [Fact]
    public async Task Default_client_is_used_when_client_is_absent()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("default", friends: [TestData.Xiaohui]);

        var json = await host.GetJsonAsync("/openwx/get_friend_info");

        Assert.Equal("小灰", (string?)json![0]!["name"]);
        // One grain call: the account answers its state and its friends together.
        Assert.Equal(["IWxAccountGrain/wx/default"], host.Grains.Lookups);
    }

    [Fact]
    public async Task Configured_default_client_name_is_used()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["App:Api:DefaultClient"] = "main" });
        host.Grains.Running("main", friends: [TestData.WxPay]);

        var json = await host.GetJsonAsync("/openwx/get_friend_info");

        Assert.Equal("微信支付", (string?)json![0]!["name"]);
    }

    [Fact]
    public async Task Grain_exception_is_code_minus_1_not_a_500()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("default").Failure = new TimeoutException("silo gone");

        using var response = await host.Client.GetAsync("/openwx/get_user_info");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"code":-1,"status":"request timeout"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Other_grain_exceptions_name_their_kind_only()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("default").Failure = new InvalidOperationException("secret detail");

        var json = await host.GetJsonAsync("/openwx/get_client_info");

        Assert.Equal(-1, (int?)json!["code"]);
        Assert.Equal("request failed: InvalidOperationException", (string?)json["status"]);
    }

    [Fact]
    public async Task Malformed_body_is_refused_with_a_status()
    {
        await using var host = await ApiHost.StartAsync();
        using var content = new StringContent("{oops", System.Text.Encoding.UTF8, "application/json");

        using var response = await host.Client.PostAsync("/openwx/send_friend_message", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"code":-1,"status":"malformed request body"}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/openwx/get_friend_info?client=a%2Fb")]
    [InlineData("/openwx/get_friend_info?client=%20")]
    public async Task Invalid_client_names_are_refused(string url)
    {
        await using var host = await ApiHost.StartAsync();

        var json = await host.GetJsonAsync(url);

        Assert.Equal(1, (int?)json!["code"]);
        Assert.Empty(host.Grains.Lookups);
    }

    [Fact]
    public async Task Token_is_required_when_configured()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["App:Api:ApiToken"] = "s3cret" });
        host.Grains.Running("default", friends: [TestData.Xiaohui]);

        var denied = await host.GetJsonAsync("/openwx/get_friend_info?token=wrong");
        var byParam = await host.GetJsonAsync("/openwx/get_friend_info?token=s3cret");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openwx/get_friend_info");
        request.Headers.Authorization = new("Bearer", "s3cret");
        using var byHeader = await host.Client.SendAsync(request);
        using var controller = await host.Client.GetAsync("/openwx/check_client");

        Assert.Equal("""{"code":-6,"status":"auth failure"}""", denied!.ToJsonString());
        Assert.IsType<JsonArray>(byParam);
        Assert.Equal(HttpStatusCode.OK, byHeader.StatusCode);
        Assert.StartsWith("[", await byHeader.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, controller.StatusCode);
        Assert.Equal("auth failure", await controller.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Account_not_running_is_code_minus_2_with_its_state()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Account("default").SetState(ClientState.Scaning);

        var json = await host.GetJsonAsync("/openwx/get_group_info");

        Assert.Equal("""{"code":-2,"status":"client is not running (state: scaning)","state":"scaning"}""", json!.ToJsonString());
    }
}
