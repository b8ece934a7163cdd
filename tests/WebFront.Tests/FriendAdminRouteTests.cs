using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>set_markname, set_friend_markname, stick, make_friend, accept_friend_request against a fake account.</summary>
public sealed class FriendAdminRouteTests
{
    [Fact]
    public async Task Set_markname_by_markname_calls_the_grain_and_replies_success()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default", friends: [TestData.WxPay, TestData.Xiaohui]);

        var json = await host.GetJsonAsync("/openwx/set_markname?markname=%E7%81%B0%E7%81%B0&new_markname=hui");

        Assert.Equal("""{"code":0,"status":"success"}""", json!.ToJsonString());
        Assert.Equal($"markname  {TestData.Xiaohui.Id} hui", Assert.Single(account.AdminCalls));
    }

    [Fact]
    public async Task Set_markname_of_a_group_member_by_json_post()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("bot", groups: [TestData.PerlGroup]);

        using var body = new StringContent("""{"client":"bot","id":"@m2","group_id":"@@2617047292","new_markname":"x"}""", Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync("/openwx/set_markname", body);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(0, (int?)json!["code"]);
        Assert.Equal("markname @@2617047292 @m2 x", Assert.Single(account.AdminCalls));
    }

    [Fact]
    public async Task Set_friend_markname_ignores_group_id_and_reports_not_found()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default", friends: [TestData.Xiaohui], groups: [TestData.PerlGroup]);

        var json = await host.GetJsonAsync("/openwx/set_friend_markname?id=%40m2&group_id=%40%402617047292&new_markname=x");

        Assert.Equal("""{"code":100,"status":"object not found"}""", json!.ToJsonString());
        Assert.Empty(account.AdminCalls);
    }

    [Theory]
    [InlineData("/openwx/set_markname?id=x", -1, "new_markname is required")]
    [InlineData("/openwx/set_markname?new_markname=x", 100, "object not found")]
    [InlineData("/openwx/set_markname?group_id=%40%40g&new_markname=x", -1, "id (the member's id) is required with group_id")]
    [InlineData("/openwx/stick", -1, "id is required")]
    [InlineData("/openwx/stick?id=x&op=2", -1, "op must be 1 (stick) or 0 (unstick)")]
    [InlineData("/openwx/make_friend?verify=hi", -1, "id (a group member's id) is required")]
    public async Task Bad_parameters_are_refused_before_the_grain(string url, int code, string status)
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default");

        var json = await host.GetJsonAsync(url);

        Assert.Equal(code, (int?)json!["code"]);
        Assert.Equal(status, (string?)json["status"]);
        Assert.Empty(account.AdminCalls);
    }

    [Theory]
    [InlineData("/openwx/stick?id=%40%40g", "stick @@g True")]
    [InlineData("/openwx/stick?id=%40%40g&op=1", "stick @@g True")]
    [InlineData("/openwx/stick?id=%40f&op=0", "stick @f False")]
    [InlineData("/openwx/make_friend?id=%40m1&verify=hello", "make_friend @m1 hello")]
    public async Task Stick_and_make_friend_pass_their_parameters(string url, string call)
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default");

        var json = await host.GetJsonAsync(url);

        Assert.Equal("""{"code":0,"status":"success"}""", json!.ToJsonString());
        Assert.Equal(call, Assert.Single(account.AdminCalls));
    }

    [Fact]
    public async Task Grain_codes_are_passed_through()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default");
        account.AdminReply = new AdminResult(AdminCodes.Refused, "already a friend");

        var json = await host.GetJsonAsync("/openwx/make_friend?id=%40m1");

        Assert.Equal("""{"code":101,"status":"already a friend"}""", json!.ToJsonString());
    }

    [Fact]
    public async Task Accept_friend_request_by_form_echoes_id_displayname_and_ticket()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default");

        var json = await host.PostFormAsync("/openwx/accept_friend_request",
            new Dictionary<string, string> { ["id"] = "@new", ["displayname"] = "Neo", ["ticket"] = "v2_t" });

        Assert.Equal("""{"code":0,"status":"success","id":"@new","displayname":"Neo","ticket":"v2_t"}""", json!.ToJsonString());
        Assert.Equal("accept @new v2_t", Assert.Single(account.AdminCalls));
    }

    [Theory]
    [InlineData("/openwx/accept_friend_request?displayname=Neo&ticket=t", "id is required (from the friend_request event)")]
    [InlineData("/openwx/accept_friend_request?id=%40new", "ticket is required (from the friend_request event)")]
    public async Task Accept_friend_request_without_id_or_ticket_is_a_bad_request(string url, string status)
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default");

        using var response = await host.Client.GetAsync(url);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(-1, (int?)json!["code"]);
        Assert.Equal(status, (string?)json["status"]);
        Assert.Empty(account.AdminCalls);
    }

    [Theory]
    [InlineData("/openwx/set_markname?id=x&new_markname=y")]
    [InlineData("/openwx/set_friend_markname?id=x&new_markname=y")]
    [InlineData("/openwx/stick?id=x")]
    [InlineData("/openwx/make_friend?id=x")]
    [InlineData("/openwx/accept_friend_request?id=x&ticket=t")]
    public async Task A_client_that_is_not_running_answers_at_once(string url)
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Account("default");
        account.SetState(ClientState.Scaning);

        var json = await host.GetJsonAsync(url);

        Assert.Equal(-2, (int?)json!["code"]);
        Assert.Equal("client is not running (state: scaning)", (string?)json["status"]);
        Assert.Empty(account.AdminCalls);

        var unknown = await host.GetJsonAsync(url + "&client=never");
        Assert.Equal("""{"code":1,"status":"client not exists"}""", unknown!.ToJsonString());
    }
}
