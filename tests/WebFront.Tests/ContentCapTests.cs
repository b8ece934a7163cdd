using System.Net;
using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>A send's text is capped (App:Api:MaxContentLength) with a clear error before any grain is called.</summary>
public sealed class ContentCapTests
{
    [Fact]
    public async Task Text_at_the_cap_is_sent_and_one_character_more_is_refused_with_413()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["App:Api:MaxContentLength"] = "1000" });
        var account = host.Grains.Running("default", friends: [TestData.WxPay]);

        var ok = await host.PostFormAsync("/openwx/send_friend_message",
            new Dictionary<string, string> { ["account"] = "wxzhifu", ["content"] = new string('a', 1000) });
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["account"] = "wxzhifu", ["content"] = new string('a', 1001) });
        using var refused = await host.Client.PostAsync("/openwx/send_friend_message", content);

        Assert.Equal(0, (int?)ok!["code"]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal(
            """{"id":null,"code":-1,"status":"content too long: at most 1000 characters"}""",
            JsonNode.Parse(await refused.Content.ReadAsStringAsync())!.ToJsonString());
        Assert.Single(account.Sent);
    }
}
