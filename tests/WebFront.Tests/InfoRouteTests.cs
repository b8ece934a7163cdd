using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront.Tests;

public sealed class InfoRouteTests
{
    [Fact]
    public async Task Get_friend_info_returns_all_friends_in_one_grain_call()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("bot1", friends: [TestData.Xiaohui, TestData.WxPay, TestData.FileHelper]);

        var json = await host.GetJsonAsync("/openwx/get_friend_info?client=bot1");

        Assert.Equal(3, json!.AsArray().Count);
        Assert.Equal("灰灰", (string?)json[0]!["displayname"]);
        Assert.Equal("公众号", (string?)json[1]!["category"]);
        Assert.Equal(1, account.Friends.GetAllCalls);
    }

    [Fact]
    public async Task Get_user_info_returns_the_logged_in_user()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("default").User = TestData.Xiaohui with { Markname = "" };

        var json = await host.GetJsonAsync("/openwx/get_user_info");

        Assert.Equal("xiaohui", (string?)json!["account"]);
        Assert.Equal("小灰", (string?)json["displayname"]);
        Assert.Null(json["category"]);
    }

    [Theory]
    [InlineData("/openwx/get_user_info")]
    [InlineData("/openqq/get_user_info")]
    public async Task Get_user_info_is_one_call_into_the_account_grain(string route)
    {
        await using var host = await ApiHost.StartAsync();
        var qq = route.StartsWith("/openqq", StringComparison.Ordinal);
        var wx = qq ? null : host.Grains.Running("default");
        var qqAccount = qq ? host.Grains.RunningQq("default", user: TestData.Xiaohui) : null;
        wx?.User = TestData.Xiaohui;

        var json = await host.GetJsonAsync(route);

        Assert.Equal(TestData.Xiaohui.Id, (string?)json!["id"]);
        Assert.Equal(0, wx?.StatusCalls ?? qqAccount!.StatusCalls);
    }

    [Theory]
    [InlineData(ClientState.Updating, -2, "updating")]
    [InlineData(ClientState.Stop, 1, null)]
    public async Task Get_user_info_of_an_account_not_running_is_refused_with_its_state(ClientState state, int code, string? wire)
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default");
        account.User = TestData.Xiaohui;
        account.SetState(state);

        var json = await host.GetJsonAsync("/openwx/get_user_info");

        Assert.Equal(code, (int?)json!["code"]);
        Assert.Equal(wire, (string?)json["state"]);
    }

    [Fact]
    public async Task Get_group_info_has_members_and_basic_info_does_not()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("default", groups: [TestData.PerlGroup, TestData.UnnamedGroup]);

        var full = await host.GetJsonAsync("/openwx/get_group_info");
        var basic = await host.GetJsonAsync("/openwx/get_group_basic_info");

        Assert.Equal(2, full![0]!["member"]!.AsArray().Count);
        Assert.Equal("甲、乙、昵称未知", (string?)full[1]!["displayname"]);
        Assert.Null(basic![0]!["member"]);
        Assert.Equal("PERL学习交流", (string?)basic[0]!["displayname"]);
        // One grain call each: the account answers its state and its groups together.
        Assert.Equal(["IWxAccountGrain/wx/default", "IWxAccountGrain/wx/default"], host.Grains.Lookups);
    }

    [Fact]
    public async Task Get_client_info_answers_in_any_started_state()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Account("default").SetState(ClientState.Scaning, DateTimeOffset.UtcNow.AddMinutes(-2));

        var json = await host.GetJsonAsync("/openwx/get_client_info");

        Assert.Equal(0, (int?)json!["code"]);
        Assert.Equal("success", (string?)json["status"]);
        Assert.Equal("default", (string?)json["account"]);
        Assert.Equal("scaning", (string?)json["state"]);
        Assert.InRange((long)json["runtime"]!, 115, 130);
        Assert.Equal(Environment.ProcessId, (int?)json["pid"]);
    }

    [Fact]
    public async Task Search_friend_by_lookup_keys_uses_the_grain_search()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default", friends: [TestData.Xiaohui, TestData.WxPay]);

        var json = await host.GetJsonAsync("/openwx/search_friend?displayname=%E7%81%B0%E7%81%B0&client=default");

        Assert.Equal(TestData.Xiaohui.Id, (string?)json![0]!["id"]);
        Assert.Single(json.AsArray());
        Assert.Equal(1, account.Friends.SearchCalls);
        Assert.Equal(0, account.Friends.GetAllCalls);
    }

    [Fact]
    public async Task Search_friend_by_other_attributes_ands_them()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("default", friends: [TestData.Xiaohui, TestData.WxPay]);

        var both = await host.GetJsonAsync("/openwx/search_friend?province=%E5%B9%BF%E4%B8%9C");
        var one = await host.GetJsonAsync("/openwx/search_friend?province=%E5%B9%BF%E4%B8%9C&city=%E6%B7%B1%E5%9C%B3");

        Assert.Equal(2, both!.AsArray().Count);
        Assert.Equal("小灰", (string?)one![0]!["name"]);
        Assert.Single(one.AsArray());
    }

    [Theory]
    [InlineData("/openwx/search_friend?id=nobody")]
    [InlineData("/openwx/search_friend")]
    [InlineData("/openwx/search_friend?datatype=json")]
    [InlineData("/openwx/search_group?displayname=nothing")]
    public async Task Search_without_match_or_keys_is_object_not_found(string url)
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("default", friends: [TestData.Xiaohui], groups: [TestData.PerlGroup]);

        var json = await host.GetJsonAsync(url);

        Assert.Equal("""{"code":100,"status":"object not found"}""", json!.ToJsonString());
    }

    [Fact]
    public async Task Search_with_an_unknown_key_is_a_clear_error_before_any_grain_call()
    {
        await using var host = await ApiHost.StartAsync();

        var json = await host.GetJsonAsync("/openwx/search_friend?nickname=x&id=y");

        Assert.Equal(-1, (int?)json!["code"]);
        Assert.StartsWith("unknown search key: nickname", (string?)json["status"], StringComparison.Ordinal);
        Assert.Empty(host.Grains.Lookups);
    }

    [Fact]
    public async Task Search_group_by_id_or_owner()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("default", groups: [TestData.PerlGroup, TestData.UnnamedGroup]);

        var byId = await host.GetJsonAsync("/openwx/search_group?id=%40%40unnamed");
        var byName = await host.GetJsonAsync("/openwx/search_group?name=PERL%E5%AD%A6%E4%B9%A0%E4%BA%A4%E6%B5%81");

        Assert.Equal("@@unnamed", (string?)byId![0]!["id"]);
        Assert.Equal(4, byId[0]!["member"]!.AsArray().Count);
        Assert.Equal("@@2617047292", (string?)byName![0]!["id"]);
    }

    [Fact]
    public async Task Info_routes_accept_a_json_body()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("jsonbot", friends: [TestData.WxPay]);
        using var content = new StringContent("""{"client":"jsonbot","account":"wxzhifu"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await host.Client.PostAsync("/openwx/search_friend", content);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("微信支付", (string?)json![0]!["name"]);
    }
}
