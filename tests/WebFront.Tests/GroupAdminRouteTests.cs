using System.Net;
using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>create_group, invite_friend, kick_group_member, set_group_displayname, revoke_message, get_avatar, consult
/// against a fake account: parameter parsing, reply shapes and codes.</summary>
public sealed class GroupAdminRouteTests
{
    [Theory]
    [InlineData("/openwx/create_group?friends=%40a,%40b&displayname=Team", "create_group @a,@b Team")]
    [InlineData("/openwx/create_group?friends=%40a,%20%40b,,%40a", "create_group @a,@b ")]
    [InlineData("/openwx/invite_friend?id=%40%40g&friends=%40a", "invite @@g/ @a")]
    [InlineData("/openwx/invite_friend?displayname=Team&friends=%40a,%40b", "invite /Team @a,@b")]
    [InlineData("/openwx/kick_group_member?id=%40%40g&members=%40m1,%40m2", "kick @@g/ @m1,@m2")]
    [InlineData("/openwx/set_group_displayname?id=%40%40g&new_displayname=New", "rename @@g/ New")]
    public async Task Parameters_reach_the_grain_as_typed_lists(string url, string call)
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default");

        var json = await host.GetJsonAsync(url);

        Assert.Equal(0, (int?)json!["code"]);
        Assert.Equal(call, Assert.Single(account.AdminCalls));
    }

    [Fact]
    public async Task Create_group_answers_the_new_group_id_and_mojos_failure_shape()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default");

        var created = await host.PostFormAsync("/openwx/create_group", new Dictionary<string, string> { ["friends"] = "@a,@b" });
        Assert.Equal("""{"code":0,"group_id":"@@new","status":"success"}""", created!.ToJsonString());

        account.AdminReply = new AdminResult(AdminCodes.Failure, "failure");
        var failed = await host.GetJsonAsync("/openwx/create_group?friends=%40a,%40b");
        Assert.Equal("""{"code":201,"id":null,"status":"failure"}""", failed!.ToJsonString());

        account.AdminReply = new AdminResult(AdminCodes.EmptyList, "friend id empty");
        var empty = await host.GetJsonAsync("/openwx/create_group?friends=");
        Assert.Equal("""{"code":200,"status":"friend id empty"}""", empty!.ToJsonString());
    }

    [Theory]
    [InlineData("/openwx/invite_friend?friends=%40a", 100, "object not found")]
    [InlineData("/openwx/kick_group_member?members=%40a", 100, "object not found")]
    [InlineData("/openwx/set_group_displayname?id=%40%40g", -1, "new_displayname is required")]
    [InlineData("/openwx/set_group_displayname?new_displayname=x", 100, "object not found")]
    public async Task Bad_parameters_are_refused_before_the_grain(string url, int code, string status)
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default");

        var json = await host.GetJsonAsync(url);

        Assert.Equal(code, (int?)json!["code"]);
        Assert.Equal(status, (string?)json["status"]);
        Assert.Empty(account.AdminCalls);
    }

    [Fact]
    public async Task A_list_past_the_group_size_limit_is_a_bad_request()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default");
        var ids = string.Join(',', Enumerable.Range(0, 501).Select(i => $"@f{i}"));

        using var response = await host.Client.GetAsync($"/openwx/invite_friend?id=%40%40g&friends={Uri.EscapeDataString(ids)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("too many friends: at most 500", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]);
        Assert.Empty(account.AdminCalls);
    }

    [Theory]
    [InlineData("/openwx/create_group?friends=%40a,%40b")]
    [InlineData("/openwx/invite_friend?id=%40%40g&friends=%40a")]
    [InlineData("/openwx/kick_group_member?id=%40%40g&members=%40a")]
    [InlineData("/openwx/set_group_displayname?id=%40%40g&new_displayname=x")]
    [InlineData("/openwx/revoke_message?id=1%3A%40to")]
    [InlineData("/openwx/get_avatar?id=%40a")]
    [InlineData("/openwx/consult?id=%40a&content=hi")]
    public async Task A_client_that_is_not_running_answers_at_once(string url)
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Account("default");
        account.SetState(ClientState.Scaning);

        var json = await host.GetJsonAsync(url);

        Assert.Equal(-2, (int?)json!["code"]);
        Assert.Empty(account.AdminCalls);
    }

    [Fact]
    public async Task Revoke_message_answers_mojos_shapes()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default");

        var ok = await host.GetJsonAsync("/openwx/revoke_message?id=123%3A%40to");
        Assert.Equal("""{"id":"123:@to","code":0,"status":"revoke success"}""", ok!.ToJsonString());

        using var missing = await host.Client.GetAsync("/openwx/revoke_message");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("""{"code":-1,"status":"msg id not found"}""", await missing.Content.ReadAsStringAsync());
        Assert.Equal("revoke 123:@to", Assert.Single(account.AdminCalls));
    }

    [Fact]
    public async Task Get_avatar_answers_bytes_with_cache_control_or_an_empty_503()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2];
        account.Avatar = new AvatarImage(AdminCodes.Success, "success", png, "image/png");

        using var image = await host.Client.GetAsync("/openwx/get_avatar?id=%40m1&group_id=%40%40g");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal("max-age=3600", image.Headers.CacheControl!.ToString());
        Assert.Equal(png, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal("avatar @m1 @@g", Assert.Single(account.AdminCalls));

        account.Avatar = new AvatarImage(AvatarImage.Unavailable, "no avatar");
        using var unavailable = await host.Client.GetAsync("/openwx/get_avatar?id=%40m1");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Empty(await unavailable.Content.ReadAsByteArrayAsync());

        account.Avatar = null;
        var missing = await host.GetJsonAsync("/openwx/get_avatar?id=%40nobody");
        Assert.Equal("""{"code":100,"status":"object not found"}""", missing!.ToJsonString());
    }

    [Theory]
    [InlineData("timeout=0")]
    [InlineData("timeout=301")]
    [InlineData("timeout=abc")]
    public async Task Consult_refuses_a_bad_timeout(string timeout)
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default");

        using var response = await host.Client.GetAsync($"/openwx/consult?id=%40a&content=hi&{timeout}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(account.AdminCalls);
    }

    [Fact]
    public async Task Consult_answers_the_reply_or_mojos_timeout_shape()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Running("default");

        var timedOut = await host.GetJsonAsync("/openwx/consult?id=%40a&content=hi");
        Assert.Equal("""{"id":"1:@to","code":0,"status":"success","reply_status":"reply timeout","reply":null}""", timedOut!.ToJsonString());
        Assert.Equal("consult @a hi 30", Assert.Single(account.AdminCalls));

        account.ConsultAnswer = new ChatMessage { Id = "555", Content = "hello back" };
        var answered = await host.GetJsonAsync("/openwx/consult?id=%40a&content=hi&timeout=5");
        Assert.Equal("""{"reply":"hello back","id":"555","code":null,"status":null}""", answered!.ToJsonString());
    }
}
