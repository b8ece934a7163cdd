using System.Net;
using System.Text.Json;
using OpenWxCluster.Emulator.World;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// Media that must not be sent: paths out of the media folder, oversized media, unreachable or forbidden media_url,
/// bad parameters, an account that is not running. Each answers a clear error and the emulator records no send.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MediaRefusalTests(ClusterFixture fixture) : IAsyncLifetime
{
    private MediaApiHost _host = null!;

    private EmulatorWorld World => fixture.Emulator.World;

    private OpenWxHttpApi Api => _host.Api;

    private string Folder => _host.Folder;

    public async Task InitializeAsync()
    {
        _host = await MediaApiHost.StartAsync(fixture);
        await File.WriteAllTextAsync(Path.Combine(_host.Root.FullName, "secret.txt"), "not for WeChat");
        File.CreateSymbolicLink(Path.Combine(Folder, "escape.txt"), Path.Combine(_host.Root.FullName, "secret.txt"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Paths_out_of_the_media_folder_are_refused()
    {
        var friend = await LoginAsync("mr_path", "mrp");

        foreach (var path in new[] { "../secret.txt", Path.Combine(_host.Root.FullName, "secret.txt"), "escape.txt" })
        {
            var (status, json) = await SendAsync("mr_path", friend, ("media_path", path));
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.StartsWith("invalid media_path: ", json.GetProperty("status").GetString());
        }
        Assert.Empty(World.GetSent("mrp_bot"));
    }

    [Fact]
    public async Task Media_past_20_mb_is_refused_with_mojos_text()
    {
        var friend = await LoginAsync("mr_big", "mrb");
        await using (var file = File.Create(Path.Combine(Folder, "big.bin")))
        {
            file.SetLength(MediaLimits.MaxBytes + 1L);
        }
        await using var server = await MediaFileServer.StartAsync([1]);

        foreach (var media in new[] { ("media_path", "big.bin"), ("media_url", server.BaseUrl + "/huge") })
        {
            var (status, json) = await SendAsync("mr_big", friend, media);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
            Assert.Equal("media size exceed, maximum size is 20971520 bytes", json.GetProperty("status").GetString());
            Assert.Equal(-1, json.GetProperty("code").GetInt32());
        }
        Assert.Empty(World.GetSent("mrb_bot"));
    }

    [Fact]
    public async Task An_unreachable_or_forbidden_media_url_is_refused()
    {
        var friend = await LoginAsync("mr_url", "mru");
        var closed = $"http://127.0.0.1:{FreePort.Next()}/pic.png";

        var (unreachable, why) = await SendAsync("mr_url", friend, ("media_url", closed));
        var (forbidden, refusal) = await SendAsync("mr_url", friend, ("media_url", "http://169.254.169.254/latest/meta-data/"));
        var (uploadForbidden, uploadRefusal) = await GetAsync("upload_media", ("client", "mr_url"), ("media_path", "http://100.100.100.200/x.png"));

        Assert.Equal((HttpStatusCode.BadGateway, "media_url unreachable: connection failed"), (unreachable, why.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        Assert.Equal("media_url destination refused: link-local or cloud metadata address", refusal.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, uploadForbidden);
        Assert.Equal(JsonValueKind.Null, uploadRefusal.GetProperty("media_id").ValueKind);
        Assert.Empty(World.GetSent("mru_bot"));
    }

    [Fact]
    public async Task Bad_parameters_and_an_account_not_running_answer_clear_errors()
    {
        var friend = await LoginAsync("mr_bad", "mrd");

        var (typeStatus, type) = await SendAsync("mr_bad", friend, ("media_data", "AQID"), ("media_type", "hologram"));
        var (dataStatus, data) = await SendAsync("mr_bad", friend, ("media_data", "%%%"));
        var (idStatus, id) = await SendAsync("mr_bad", friend, ("media_id", ":"));
        // Started, never scanned: not running.
        await Api.GetAsync("start_client", ("client", "mr_scan"));
        await Api.WaitForStateAsync("mr_scan", "scaning");
        var (_, scanning) = await SendAsync("mr_scan", friend, ("media_data", "AQID"));
        var (_, scanningUpload) = await GetAsync("upload_media", ("client", "mr_scan"), ("media_data", "AQID"));

        Assert.Equal((HttpStatusCode.BadRequest, "unknown media_type: hologram (image, file, video or emoticon)"), (typeStatus, type.GetProperty("status").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "media_data is not valid base64"), (dataStatus, data.GetProperty("status").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid media_id: expected <MediaId>:<media code> from upload_media or a send"), (idStatus, id.GetProperty("status").GetString()));
        Assert.Equal((-2, "client is not running (state: scaning)"), (scanning.GetProperty("code").GetInt32(), scanning.GetProperty("status").GetString()));
        Assert.Equal(-2, scanningUpload.GetProperty("code").GetInt32());
        Assert.Empty(World.GetSent("mrd_bot"));
    }

    private async Task<string> LoginAsync(string client, string prefix) => (await _host.LoginBotAsync(client, prefix)).Friend;

    private Task<(HttpStatusCode, JsonElement)> SendAsync(string client, string friend, params (string Key, string Value)[] media) =>
        GetAsync("send_friend_message", [("client", client), ("id", friend), .. media]);

    private async Task<(HttpStatusCode, JsonElement)> GetAsync(string route, params (string Key, string Value)[] query)
    {
        var url = $"openwx/{route}?" + string.Join("&", query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        using var response = await _host.Web.Http.GetAsync(url);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
