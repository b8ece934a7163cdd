
namespace OpenWxCluster.WebFront.Tests;

public sealed class MessageRouteTests
{
    [Fact]
    public async Task Send_friend_message_by_markname_replies_with_the_receipt()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default", friends: [TestData.WxPay, TestData.Xiaohui]);

        var json = await host.GetJsonAsync("/openwx/send_friend_message?markname=%E7%81%B0%E7%81%B0&content=%E4%BD%A0%E5%A5%BD");

        Assert.Equal($$"""{"id":"42:{{TestData.Xiaohui.Id}}","code":0,"status":"success"}""", json!.ToJsonString());
        Assert.Equal((TestData.Xiaohui.Id, "你好"), Assert.Single(account.Sent));
    }

    [Fact]
    public async Task Send_friend_message_by_form_post_with_account()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("bot2", friends: [TestData.WxPay]);

        var json = await host.PostFormAsync("/openwx/send_friend_message",
            new Dictionary<string, string> { ["client"] = "bot2", ["account"] = "wxzhifu", ["content"] = "hello" });

        Assert.Equal(0, (int?)json!["code"]);
        Assert.Equal((TestData.WxPay.Id, "hello"), Assert.Single(account.Sent));
    }

    [Fact]
    public async Task Send_to_unknown_friend_is_object_not_found_with_null_id()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("default", friends: [TestData.Xiaohui]);

        var json = await host.GetJsonAsync("/openwx/send_friend_message?id=%40nobody&content=hi");

        Assert.Equal("""{"id":null,"code":100,"status":"object not found"}""", json!.ToJsonString());
    }

    [Theory]
    [InlineData("/openwx/send_friend_message?id=x", "content missing")]
    [InlineData("/openwx/send_group_message?id=x&content=", "content missing")]
    public async Task Missing_content_is_refused_at_once(string url, string status)
    {
        await using var host = await ApiHost.StartAsync();

        var json = await host.GetJsonAsync(url);

        Assert.Null(json!["id"]);
        Assert.Equal(-1, (int?)json["code"]);
        Assert.Equal(status, (string?)json["status"]);
        Assert.Empty(host.Grains.Lookups);
    }

    [Fact]
    public async Task Send_group_message_by_displayname()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default", groups: [TestData.UnnamedGroup, TestData.PerlGroup]);

        var json = await host.GetJsonAsync("/openwx/send_group_message?displayname=PERL%E5%AD%A6%E4%B9%A0%E4%BA%A4%E6%B5%81&content=hi");

        Assert.Equal("43:@@2617047292", (string?)json!["id"]);
        Assert.Equal(("@@2617047292", "hi"), Assert.Single(account.Sent));
    }

    [Fact]
    public async Task Send_group_message_ignores_friend_only_keys()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("default", groups: [TestData.PerlGroup]);

        var json = await host.GetJsonAsync("/openwx/send_group_message?markname=x&content=hi");

        Assert.Equal("""{"id":null,"code":100,"status":"object not found"}""", json!.ToJsonString());
    }

    [Fact]
    public async Task A_text_send_is_one_call_into_the_account_grain()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default", friends: [TestData.Xiaohui]);

        var json = await host.GetJsonAsync($"/openwx/send_friend_message?id={Uri.EscapeDataString(TestData.Xiaohui.Id)}&content=hi");

        Assert.Equal(0, (int?)json!["code"]);
        Assert.Equal(0, account.StatusCalls);
        Assert.Single(account.Sent);
    }

    [Fact]
    public async Task Send_while_not_running_is_code_minus_2()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Account("default").SetState(ClientState.Updating);

        var json = await host.GetJsonAsync("/openwx/send_friend_message?id=x&content=hi");

        Assert.Equal(-2, (int?)json!["code"]);
        Assert.Equal("updating", (string?)json["state"]);
    }

    [Fact]
    public async Task Async_send_answers_at_once_and_still_sends()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default", friends: [TestData.FileHelper]);

        var json = await host.GetJsonAsync("/openwx/send_friend_message?id=filehelper&content=later&async=1");
        var notFound = await host.GetJsonAsync("/openwx/send_friend_message?id=ghost&content=later&async=1");

        Assert.Equal("""{"code":0,"status":"request already in execution"}""", json!.ToJsonString());
        Assert.Equal(100, (int?)notFound!["code"]);
        await account.SentAny.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(("filehelper", "later"), Assert.Single(account.Sent));
    }

    [Fact]
    public async Task Broadcast_to_all_answers_mojos_reply_at_once()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default", friends: [TestData.FileHelper]);

        var json = await host.GetJsonAsync("/openwx/send_friend_message?id=%40all&content=hi");

        Assert.Equal("""{"id":0,"code":0,"status":"request already executed"}""", json!.ToJsonString());
        Assert.Equal("hi", Assert.Single(account.Broadcasts));
        Assert.Empty(account.Sent);
    }

    [Theory]
    [InlineData("Idempotency-Key", "k-1", "", "k-1")]
    [InlineData(null, null, "&client_msg_id=k-2", "k-2")]
    [InlineData("Idempotency-Key", "k-3", "&client_msg_id=k-3", "k-3")]
    [InlineData(null, null, "", null)]
    public async Task The_idempotency_key_reaches_the_grain(string? header, string? value, string query, string? expected)
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default", friends: [TestData.FileHelper]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openwx/send_friend_message?id=filehelper&content=hi" + query);
        if (header is not null)
        {
            request.Headers.Add(header, value);
        }

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Assert.Single(account.IdempotencyKeys));
    }

    [Theory]
    [InlineData("&client_msg_id=has%20space")]
    [InlineData("&client_msg_id=%E4%B8%AD")]
    public async Task A_malformed_idempotency_key_is_a_bad_request(string query)
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default", friends: [TestData.FileHelper]);

        using var response = await host.Client.GetAsync("/openwx/send_friend_message?id=filehelper&content=hi" + query);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(account.IdempotencyKeys);
    }
}
