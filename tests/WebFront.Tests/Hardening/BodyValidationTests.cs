using System.Net;
using System.Text;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>Bodies and queries the API cannot take: a clear 400 in Mojo JSON, never a 500 and never a silent 200.</summary>
public sealed class BodyValidationTests
{
    [Theory]
    [InlineData("""{"account":"wxzhifu","content":5}""", "parameter content must be a JSON string")]
    [InlineData("""{"account":"wxzhifu","content":true}""", "parameter content must be a JSON string")]
    [InlineData("""{"account":"wxzhifu","content":["hi"]}""", "parameter content must be a JSON string, number or boolean")]
    [InlineData("""{"account":{"a":1},"content":"hi"}""", "parameter account must be a JSON string, number or boolean")]
    [InlineData("""[{"account":"wxzhifu","content":"hi"}]""", "a JSON body must be an object")]
    [InlineData("\"hi\"", "a JSON body must be an object")]
    [InlineData("""{"account":"wxzhifu","content":"\ud800"}""", "a JSON string of the body is not valid Unicode")]
    [InlineData("{oops", "malformed request body")]
    public async Task Json_of_the_wrong_shape_is_a_400(string json, string status)
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default", friends: [TestData.WxPay]);

        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync("/openwx/send_friend_message", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($$"""{"code":-1,"status":"{{status.Replace("\"", "\\\"", StringComparison.Ordinal)}}"}""", await response.Content.ReadAsStringAsync());
        Assert.Empty(account.Sent);
    }

    [Fact]
    public async Task A_json_body_that_is_not_utf8_is_a_400()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default", friends: [TestData.WxPay]);
        byte[] body = [.. """{"account":"wxzhifu","content":"a"""u8, 0xC3, 0x28, .. "\"}"u8];

        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var response = await host.Client.PostAsync("/openwx/send_friend_message", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"code":-1,"status":"request body is not valid UTF-8"}""", await response.Content.ReadAsStringAsync());
        Assert.Empty(account.Sent);
    }

    [Theory]
    [InlineData("content=%FF")]
    [InlineData("content=a%C3%28")]
    [InlineData("content=%E4%BD")]
    [InlineData("content=ok&name=%ED%A0%80")]
    public async Task A_form_body_whose_escapes_are_not_utf8_is_a_400(string form)
    {
        await using var host = await ApiHost.StartAsync(kestrel: true);
        var account = host.Grains.Running("default", friends: [TestData.WxPay]);

        using var content = new StringContent("account=wxzhifu&" + form, Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await host.Client.PostAsync("/openwx/send_friend_message", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"code":-1,"status":"request body is not valid UTF-8"}""", await response.Content.ReadAsStringAsync());
        Assert.Empty(account.Sent);
    }

    [Fact]
    public async Task A_form_body_with_escaped_utf8_is_taken()
    {
        await using var host = await ApiHost.StartAsync(kestrel: true);
        var account = host.Grains.Running("default", friends: [TestData.WxPay]);

        using var content = new StringContent(
            "account=wxzhifu&content=" + Uri.EscapeDataString("你好 😀") + "+100%25", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await host.Client.PostAsync("/openwx/send_friend_message", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("你好 😀 100%", Assert.Single(account.Sent).Content);
    }

    [Theory]
    [InlineData("/openwx/send_friend_message?account=wxzhifu&content=%FF")]
    [InlineData("/openwx/send_friend_message?account=wxzhifu&content=%C3%28")]
    [InlineData("/openqq/send_friend_message?uid=20001&content=%ED%A0%80")]
    public async Task A_query_whose_escapes_are_not_utf8_is_a_400(string url)
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default", friends: [TestData.WxPay]);
        var bot = host.Grains.RunningBot();

        var (status, body) = await host.GetTextAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("""{"code":-1,"status":"query string is not valid UTF-8"}""", body);
        Assert.Empty(account.Sent);
        Assert.Empty(bot.Sent);
    }

    [Fact]
    public async Task Numbers_booleans_and_a_filter_object_are_taken_where_they_make_sense()
    {
        await using var host = await ApiHost.StartAsync();

        using var content = new StringContent(
            """{"client":"bot1","send_interval":2,"post_message_filter":{"class":"recv"}}""", Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync("/openwx/start_client", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var options = host.Grains.Account("bot1").Options;
        Assert.Equal(TimeSpan.FromSeconds(2), options.SendInterval);
        Assert.Equal(new Dictionary<string, string> { ["class"] = "recv" }, options.MessageFilter);
    }

    [Fact]
    public async Task Utf8_text_in_query_and_json_is_taken_as_is()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default", friends: [TestData.WxPay]);

        var byQuery = await host.GetJsonAsync("/openwx/send_friend_message?account=wxzhifu&content=" + Uri.EscapeDataString("你好 😀"));
        using var json = new StringContent("""{"account":"wxzhifu","content":"再见 😀"}""", Encoding.UTF8, "application/json");
        using var byJson = await host.Client.PostAsync("/openwx/send_friend_message", json);

        Assert.Equal(0, (int?)byQuery!["code"]);
        Assert.Equal(HttpStatusCode.OK, byJson.StatusCode);
        Assert.Equal(["你好 😀", "再见 😀"], account.Sent.Select(s => s.Content));
    }
}
