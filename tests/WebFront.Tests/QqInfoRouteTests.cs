using System.Net;
using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>Openqq's reads and searches: field names of both API documents, lookups, errors.</summary>
public sealed class QqInfoRouteTests
{
    private const string SelfJson =
        """{"id":"10001","uid":"10001","qq":"10001","name":"机器人","sex":"female","account":"10001","signature":"","state":"online","client_type":"","displayname":"机器人"}""";

    private const string XiaohuiJson =
        """{"id":"20001","uid":"20001","qq":"20001","name":"小灰","sex":"male","markname":"灰灰","category":"我的好友","state":"","client_type":"","displayname":"灰灰"}""";

    private const string BotMemberJson =
        """{"id":"10001","uid":"10001","qq":"10001","name":"机器人","sex":"","card":"bot","role":"admin","province":"","city":"","state":"","client_type":"","displayname":"bot"}""";

    [Fact]
    public async Task Get_user_info_renders_the_account_with_uid_and_qq()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.RunningBot();

        var (status, body) = await host.GetTextAsync("/openqq/get_user_info");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(SelfJson, body);
    }

    [Fact]
    public async Task Get_friend_info_renders_every_friend()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.RunningBot();

        var (_, body) = await host.GetTextAsync("/openqq/get_friend_info");

        Assert.Equal(
            "[" + XiaohuiJson + """,{"id":"20002","uid":"20002","qq":"20002","name":"小黑","sex":"","markname":"","category":"我的好友","state":"","client_type":"","displayname":"小黑"}]""",
            body);
    }

    [Fact]
    public async Task Get_group_info_names_the_accounts_own_role_and_renders_members_with_card_and_role()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.RunningBot();

        var json = JsonNode.Parse((await host.GetTextAsync("/openqq/get_group_info")).Body)!.AsArray();

        Assert.Equal(2, json.Count);
        var group = json[0]!.AsObject();
        Assert.Equal(
            ["id", "gid", "uid", "gnumber", "name", "markname", "owner_id", "owner_uid", "role", "displayname", "member"],
            group.Select(p => p.Key).ToArray());
        Assert.Equal("30001", (string?)group["gid"]);
        Assert.Equal("30001", (string?)group["gnumber"]);
        Assert.Equal("20001", (string?)group["owner_uid"]);
        Assert.Equal("admin", (string?)group["role"]);
        Assert.Equal(BotMemberJson, MojoJson.Serialize(group["member"]![0]));
        Assert.Equal(["admin", "owner", "attend"], group["member"]!.AsArray().Select(m => (string)m!["role"]!).ToArray());
        Assert.Equal("", (string?)json[1]!["role"]);
        // One grain call: the account answers its state, its groups and its own QQ number together.
        Assert.Equal(["IQqAccountGrain/qq/default"], host.Grains.Lookups);
    }

    [Fact]
    public async Task Get_group_basic_info_leaves_out_the_members_but_keeps_the_accounts_own_role()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.RunningBot();

        var (_, body) = await host.GetTextAsync("/openqq/get_group_basic_info");

        Assert.Equal(
            """[{"id":"30001","gid":"30001","uid":"30001","gnumber":"30001","name":"PERL学习交流","markname":"","owner_id":"20001","owner_uid":"20001","role":"admin","displayname":"PERL学习交流"},"""
            + """{"id":"30002","gid":"30002","uid":"30002","gnumber":"30002","name":"闲聊","markname":"","owner_id":"20002","owner_uid":"20002","role":"","displayname":"闲聊"}]""",
            body);
        // The account's own roles come from the groups grain, since basic groups carry no members.
        Assert.Equal(["IQqAccountGrain/qq/default", "IGroupsGrain/qq/default"], host.Grains.Lookups);
    }

    [Fact]
    public async Task Get_discuss_info_renders_the_learned_discusses_in_both_documents_field_names()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.RunningBot();
        Assert.Equal((HttpStatusCode.OK, "[]"), await host.GetTextAsync("/openqq/get_discuss_info"));
        account.Discusses.Add(new GroupInfo
        {
            Id = "40001",
            Uid = "40001",
            Name = "40001",
            Members = [new ContactInfo { Id = "20001", Uid = "20001", Name = "小灰" }],
        });

        Assert.Equal(
            (HttpStatusCode.OK,
             """[{"id":"40001","did":"40001","name":"40001","dname":"40001","owner_id":"","member":[{"id":"20001","uid":"20001","name":"小灰","nick":"小灰","state":"","client_type":"","did":"40001","dname":"40001"}]}]"""),
            await host.GetTextAsync("/openqq/get_discuss_info"));
    }

    [Theory]
    [InlineData("/openqq/search_friend?uid=20001")]
    [InlineData("/openqq/search_friend?qq=20001")]
    [InlineData("/openqq/search_friend?id=20001&name=%E5%B0%8F%E7%81%B0")]
    [InlineData("/openqq/search_friend?displayname=%E7%81%B0%E7%81%B0")]
    [InlineData("/openqq/search_friend?markname=%E7%81%B0%E7%81%B0&client=default")]
    public async Task Search_friend_takes_any_openqq_key_anded(string url)
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.RunningBot();

        Assert.Equal((HttpStatusCode.OK, "[" + XiaohuiJson + "]"), await host.GetTextAsync(url));
    }

    [Theory]
    [InlineData("/openqq/search_group?uid=30002", "30002")]
    [InlineData("/openqq/search_group?gnumber=30002", "30002")]
    [InlineData("/openqq/search_group?gid=30001", "30001")]
    [InlineData("/openqq/search_group?name=%E9%97%B2%E8%81%8A", "30002")]
    [InlineData("/openqq/search_group?displayname=PERL%E5%AD%A6%E4%B9%A0%E4%BA%A4%E6%B5%81", "30001")]
    public async Task Search_group_takes_any_openqq_key(string url, string uid)
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.RunningBot();

        var json = await host.GetJsonAsync(url);

        Assert.Equal(uid, (string?)Assert.Single(json!.AsArray())!["uid"]);
    }

    [Theory]
    [InlineData("/openqq/search_friend?uid=20001&name=%E5%B0%8F%E9%BB%91", """{"code":100,"status":"object not found"}""")]
    [InlineData("/openqq/search_friend", """{"code":100,"status":"object not found"}""")]
    [InlineData("/openqq/search_group?uid=1", """{"code":100,"status":"object not found"}""")]
    [InlineData("/openqq/search_friend?account=x", """{"code":-1,"status":"unknown search key: account (allowed: id, uid, qq, name, markname, displayname)"}""")]
    public async Task Searches_without_a_match_or_with_unknown_keys_are_refused(string url, string expected)
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.RunningBot();

        Assert.Equal(expected, (await host.GetTextAsync(url)).Body);
    }

    [Fact]
    public async Task A_wechat_client_of_the_same_name_is_not_seen_under_openqq()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("default", [TestData.Xiaohui]);

        Assert.Equal("""{"code":1,"status":"client not exists"}""", (await host.GetTextAsync("/openqq/get_friend_info")).Body);
        Assert.Equal(["IQqAccountGrain/qq/default"], host.Grains.Lookups);
    }

    [Fact]
    public async Task A_qq_account_that_is_not_running_answers_code_minus_2_with_its_state()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.RunningBot().SetState(ClientState.Offline, OfflineCauses.BotOffline);

        var json = await host.GetJsonAsync("/openqq/get_group_info");

        Assert.Equal(-2, (int?)json!["code"]);
        Assert.Equal("offline", (string?)json["state"]);
    }

    [Fact]
    public async Task Get_client_info_and_relogin_answer_for_the_client_named()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.RunningBot("bot");

        var info = await host.GetJsonAsync("/openqq/get_client_info?client=bot");
        var (_, relogin) = await host.GetTextAsync("/openqq/relogin?client=bot");

        Assert.Equal("bot", (string?)info!["account"]);
        Assert.Equal("running", (string?)info["state"]);
        Assert.Equal($$"""{"code":0,"account":"bot","status":"success, client({{Environment.ProcessId}}) will relogin in 3 seconds"}""", relogin);
        Assert.Equal(1, account.ReloginCalls);
    }

    [Fact]
    public async Task The_api_token_guards_openqq_as_it_guards_openwx()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["App:Api:ApiToken"] = "s3cret" });
        host.Grains.RunningBot();

        Assert.Equal("""{"code":-6,"status":"auth failure"}""", (await host.GetTextAsync("/openqq/get_user_info")).Body);
        Assert.Equal((HttpStatusCode.Unauthorized, "auth failure"), await host.GetTextAsync("/openqq/check_client"));
        Assert.Equal(SelfJson, (await host.GetTextAsync("/openqq/get_user_info?token=s3cret")).Body);
    }

    [Fact]
    public async Task Unknown_openqq_routes_answer_mojos_403()
    {
        await using var host = await ApiHost.StartAsync();

        Assert.Equal((HttpStatusCode.Forbidden, "api not found"), await host.GetTextAsync("/openqq/get_avatar"));
    }

    [Fact]
    public async Task Options_and_head_are_answered_as_under_openwx()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.RunningBot();

        using var options = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/openqq/send_friend_message"));
        using var head = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/openqq/get_user_info"));

        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        Assert.Equal("OPTIONS, HEAD, GET, POST", string.Join(", ", options.Content.Headers.Allow));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }
}
