using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>Every send route of both APIs refuses text past App:Api:MaxContentLength the same way, from a JSON body too.</summary>
public sealed class ContentCapRouteTests
{
    private const string TooLong = """{"id":null,"code":-1,"status":"content too long: at most 100 characters"}""";

    [Theory]
    [InlineData("/openwx/send_friend_message", "\"account\":\"wxzhifu\",")]
    [InlineData("/openwx/send_friend_message", "\"id\":\"@all\",")]
    [InlineData("/openwx/send_group_message", "\"displayname\":\"g\",")]
    [InlineData("/openwx/consult", "\"account\":\"wxzhifu\",")]
    [InlineData("/openqq/send_friend_message", "\"uid\":\"20001\",")]
    [InlineData("/openqq/send_message", "\"uid\":\"20001\",")]
    [InlineData("/openqq/send_group_message", "\"uid\":\"30001\",")]
    [InlineData("/openqq/send_sess_message", "\"group_uid\":\"30001\",\"uid\":\"20001\",")]
    [InlineData("/openqq/send_discuss_message", "\"did\":\"1\",")]
    public async Task Text_past_the_cap_is_refused_with_413_by_every_send_route(string route, string target)
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["App:Api:MaxContentLength"] = "100" });
        var account = host.Grains.Running("default", friends: [TestData.WxPay]);
        var bot = host.Grains.RunningBot();

        using var json = new StringContent($$"""{{{target}}"content":"{{new string('字', 101)}}"}""", Encoding.UTF8, "application/json");
        using var byJson = await host.Client.PostAsync(route, json);
        using var byQuery = await host.Client.GetAsync(route + "?content=" + new string('a', 101));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, byJson.StatusCode);
        Assert.Equal(TooLong, JsonNode.Parse(await byJson.Content.ReadAsStringAsync())!.ToJsonString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, byQuery.StatusCode);
        Assert.Empty(account.Sent);
        Assert.Empty(bot.Sent);
        Assert.Empty(account.AdminCalls);
        Assert.Empty(account.Broadcasts);
    }
}
