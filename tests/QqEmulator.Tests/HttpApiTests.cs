using System.Net;
using System.Text;
using System.Text.Json;
using OpenWxCluster.QqEmulator.Tests.Support;

namespace OpenWxCluster.QqEmulator.Tests;

/// <summary>The OneBot v11 HTTP transport: auth, parameter sources, status codes and the envelope.</summary>
public sealed class HttpApiTests
{
    [Fact]
    public async Task A_missing_token_is_401_a_wrong_one_403_and_bearer_token_or_query_pass()
    {
        await using var qq = await TestQq.StartAsync();

        using (var none = await qq.Http.GetAsync("get_login_info"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        }

        using (var wrongQuery = await qq.Http.GetAsync("get_login_info?access_token=nope"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, wrongQuery.StatusCode);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, "get_login_info"))
        {
            request.Headers.Authorization = new("Bearer", "nope");
            using var wrongHeader = await qq.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, wrongHeader.StatusCode);
        }

        var byQuery = JsonDocument.Parse(await qq.Http.GetStringAsync($"get_login_info?access_token={TestQq.Token}")).RootElement;
        Assert.Equal(TestQq.Bot, byQuery.GetProperty("data").GetProperty("user_id").GetInt64());
        var byHeader = await qq.OkAsync("get_login_info");
        Assert.Equal("Bot", byHeader.GetProperty("nickname").GetString());

        // koishi's HTTP caller and go-cqhttp use the Token scheme.
        using var token = new HttpRequestMessage(HttpMethod.Get, "get_login_info");
        token.Headers.TryAddWithoutValidation("Authorization", "Token " + TestQq.Token);
        using var byToken = await qq.Http.SendAsync(token);
        Assert.Equal(HttpStatusCode.OK, byToken.StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_token_calls_pass_unauthenticated()
    {
        await using var qq = await TestQq.StartAsync(token: null);
        var envelope = JsonDocument.Parse(await qq.Http.GetStringAsync("get_status")).RootElement;
        Assert.Equal(0, envelope.GetProperty("retcode").GetInt32());
        Assert.True(envelope.GetProperty("data").GetProperty("online").GetBoolean());
    }

    [Fact]
    public async Task Parameters_come_from_the_query_a_form_or_a_json_body_and_strings_count_as_numbers()
    {
        await using var qq = await TestQq.StartAsync();

        var query = JsonDocument.Parse(await qq.Http.GetStringAsync($"get_stranger_info?user_id={TestQq.Bob}&access_token={TestQq.Token}")).RootElement;
        Assert.Equal("Bob", query.GetProperty("data").GetProperty("nickname").GetString());

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["user_id"] = TestQq.Alice.ToString(System.Globalization.CultureInfo.InvariantCulture), ["message"] = "by form" });
        using var formResponse = await qq.Http.PostAsync($"send_private_msg?access_token={TestQq.Token}", form);
        var formEnvelope = JsonDocument.Parse(await formResponse.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0, formEnvelope.GetProperty("retcode").GetInt32());

        var json = await qq.OkAsync("get_group_info", new { group_id = TestQq.Team.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal("Team", json.GetProperty("group_name").GetString());

        var sent = await qq.ControlGetAsync($"bots/{TestQq.Bot}/sent");
        Assert.Equal("by form", Assert.Single(sent.EnumerateArray()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Unknown_actions_are_404_bad_bodies_400_unsupported_types_406_and_bad_parameters_retcode_100()
    {
        await using var qq = await TestQq.StartAsync();

        using (var unknown = await qq.Http.GetAsync($"no_such_action?access_token={TestQq.Token}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using (var bad = await qq.Http.PostAsync($"get_status?access_token={TestQq.Token}", new StringContent("{not json", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        using (var xml = await qq.Http.PostAsync($"get_status?access_token={TestQq.Token}", new StringContent("<a/>", Encoding.UTF8, "application/xml")))
        {
            Assert.Equal(HttpStatusCode.NotAcceptable, xml.StatusCode);
        }

        Assert.Equal(100, await qq.FailAsync("get_stranger_info"));
        Assert.Equal(100, await qq.FailAsync("get_stranger_info", new { user_id = "abc" }));
        Assert.Equal(100, await qq.FailAsync("send_msg", new { message = "where to?" }));
        var envelope = await qq.CallAsync("get_group_info", new { group_id = 999 });
        Assert.Equal(JsonValueKind.Null, envelope.GetProperty("data").ValueKind);
        Assert.Equal(100, envelope.GetProperty("retcode").GetInt32());
    }

    [Fact]
    public async Task A_bot_is_addressed_by_path_and_the_bare_path_serves_the_first_bot()
    {
        await using var qq = await TestQq.StartAsync();
        await qq.ControlAsync("bots", new { selfId = 10002, nickname = "Second" });

        Assert.Equal("Second", (await qq.OkAsync("bots/10002/get_login_info")).GetProperty("nickname").GetString());
        Assert.Equal("Bot", (await qq.OkAsync($"bots/{TestQq.Bot}/get_login_info")).GetProperty("nickname").GetString());
        Assert.Equal("Bot", (await qq.OkAsync("get_login_info")).GetProperty("nickname").GetString());
        Assert.Equal(100, await qq.FailAsync("bots/404/get_login_info"));
    }
}
