using OpenWxCluster.Cluster.Tests.Qq;

namespace OpenWxCluster.Cluster.Tests.OpenApi;

/// <summary>Real /openqq replies (the QQ emulator's world) fit the schemas the served document declares.</summary>
public sealed class OpenqqOpenApiTests(QqClusterFixture fx) : IClassFixture<QqClusterFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fx.StartClientAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Openqq_info_and_send_replies_fit_the_served_schemas()
    {
        var served = await ServedDocument.FetchAsync(fx.Http);
        var client = "client=" + QqClusterFixture.Client;
        served.AssertFits("/openqq/get_user_info", "get", await TextAsync($"openqq/get_user_info?{client}"));
        var friends = await TextAsync($"openqq/get_friend_info?{client}");
        Assert.Contains("Alice", friends, StringComparison.Ordinal);
        served.AssertFits("/openqq/get_friend_info", "get", friends);
        var groups = await TextAsync($"openqq/get_group_info?{client}");
        Assert.Contains("Bobby", groups, StringComparison.Ordinal);
        served.AssertFits("/openqq/get_group_info", "get", groups);
        served.AssertFits("/openqq/get_discuss_info", "get", await TextAsync($"openqq/get_discuss_info?{client}"));
        served.AssertFits("/openqq/get_client_info", "get", await TextAsync($"openqq/get_client_info?{client}"));
        var sent = await TextAsync($"openqq/send_friend_message?{client}&uid={QqClusterFixture.Alice}&content=schema");
        Assert.Contains("\"code\":0", sent, StringComparison.Ordinal);
        served.AssertFits("/openqq/send_friend_message", "get", sent);
        served.AssertFits("/openqq/check_client", "get", await TextAsync($"openqq/check_client?{client}"));
    }

    private async Task<string> TextAsync(string url)
    {
        using var response = await fx.Http.GetAsync(url);
        return await response.Content.ReadAsStringAsync();
    }
}
