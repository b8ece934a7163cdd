using System.Net;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>CORS and JSONP are off unless configured (Mojo has both always on).</summary>
public sealed class CorsJsonpTests
{
    [Fact]
    public async Task By_default_no_origin_is_allowed_and_datatype_jsonp_answers_plain_json()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("default", friends: [TestData.FileHelper]);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/openwx/get_friend_info?datatype=jsonp&callback=cb");
        request.Headers.Add("Origin", "https://evil.example");
        using var response = await host.Client.SendAsync(request);
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/openwx/get_friend_info");
        preflight.Headers.Add("Origin", "https://evil.example");
        using var options = await host.Client.SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("[{\"id\":\"filehelper\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(options.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(options.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Listed_origins_get_cors_answers_and_others_do_not()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["App:Api:Cors:AllowedOrigins:0"] = "https://console.example",
            ["App:Api:Cors:AllowedOrigins:1"] = "http://127.0.0.1:8080",
        });
        host.Grains.Running("default");

        var allowed = await OriginOf(host, HttpMethod.Get, "/openwx/get_user_info", "https://console.example");
        var other = await OriginOf(host, HttpMethod.Get, "/openwx/get_user_info", "https://evil.example");
        var preflight = await OriginOf(host, HttpMethod.Options, "/openqq/send_friend_message", "http://127.0.0.1:8080");
        var refused = await OriginOf(host, HttpMethod.Get, "/openwx/no_such_api", "https://console.example");

        Assert.Equal("https://console.example", allowed);
        Assert.Null(other);
        Assert.Equal("http://127.0.0.1:8080", preflight);
        Assert.Equal("https://console.example", refused);
    }

    [Fact]
    public async Task A_star_allows_every_origin_as_mojo_does()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["App:Api:Cors:AllowedOrigins:0"] = "*" });

        using var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/openwx/anything"));

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("OPTIONS, HEAD, GET, POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
    }

    [Fact]
    public async Task Jsonp_wraps_answers_when_enabled()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["App:Api:Jsonp"] = "true" });
        host.Grains.Running("default", friends: [TestData.FileHelper]);

        using var response = await host.Client.GetAsync("/openwx/get_friend_info?datatype=jsonp&callback=cb");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("cb([{\"id\":\"filehelper\"", text, StringComparison.Ordinal);
        Assert.EndsWith("])", text, StringComparison.Ordinal);
    }

    private static async Task<string?> OriginOf(ApiHost host, HttpMethod method, string url, string origin)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Origin", origin);
        using var response = await host.Client.SendAsync(request);
        return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
    }
}
