using System.Net;
using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>
/// The media parameters of the send routes and upload_media, judged by what reaches the (fake) account grain: bad
/// input is refused with a clear text and an HTTP 4xx before any grain call; media_path stays inside the folder.
/// </summary>
public sealed class MediaRouteTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("openwx-media-");

    private string Folder => Path.Combine(_root.FullName, "media");

    public MediaRouteTests()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllBytes(Path.Combine(Folder, "inside.png"), [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        File.WriteAllBytes(Path.Combine(_root.FullName, "secret.txt"), "secret"u8.ToArray());
    }

    public void Dispose() => _root.Delete(recursive: true);

    [Theory]
    [InlineData("media_type=sticker&media_data=AQID", HttpStatusCode.BadRequest, "unknown media_type: sticker (image, file, video or emoticon)")]
    [InlineData("media_type=voice&media_data=AQID", HttpStatusCode.BadRequest, "media_type voice cannot be sent through web WeChat; send it as file")]
    [InlineData("media_data=not%20base64!", HttpStatusCode.BadRequest, "media_data is not valid base64")]
    [InlineData("media_data=AQID&media_id=%40crypt_x%3A3", HttpStatusCode.BadRequest, "give one of media_id, media_data, media_path, media_url (got media_id, media_data)")]
    [InlineData("media_url=ftp%3A%2F%2Fexample.com%2Fa.png", HttpStatusCode.BadRequest, "media_url must be an absolute http or https URL")]
    [InlineData("media_path=..%2Fsecret.txt", HttpStatusCode.Forbidden, "invalid media_path: '..' is not allowed")]
    [InlineData("media_path=missing.png", HttpStatusCode.BadRequest, "invalid media_path: no such file")]
    public async Task Bad_media_parameters_are_refused_before_any_send(string query, HttpStatusCode status, string text)
    {
        await using var host = await StartAsync();
        var account = host.Grains.Running("default", friends: [TestData.Xiaohui]);

        var (code, json) = await GetAsync(host, $"/openwx/send_friend_message?id={Uri.EscapeDataString(TestData.Xiaohui.Id)}&{query}");

        Assert.Equal(status, code);
        Assert.Equal(text, (string?)json["status"]);
        Assert.Equal(-1, (int?)json["code"]);
        Assert.Empty(account.MediaSent);
        Assert.Empty(account.Sent);
    }

    [Fact]
    public async Task An_absolute_path_or_a_link_leading_out_of_the_media_folder_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(Folder, "link.txt"), Path.Combine(_root.FullName, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(Folder, "up"), _root.FullName);
        await using var host = await StartAsync();
        var account = host.Grains.Running("default", friends: [TestData.Xiaohui]);

        foreach (var path in new[] { Path.Combine(_root.FullName, "secret.txt"), "link.txt", "up/secret.txt", "/etc/passwd" })
        {
            var (code, json) = await GetAsync(host, $"/openwx/send_friend_message?id={Uri.EscapeDataString(TestData.Xiaohui.Id)}&media_path={Uri.EscapeDataString(path)}");
            Assert.Equal(HttpStatusCode.Forbidden, code);
            Assert.Equal("invalid media_path: it leads outside the media folder", (string?)json["status"]);
        }
        Assert.Empty(account.MediaSent);
    }

    [Fact]
    public async Task A_path_inside_the_folder_relative_absolute_or_through_an_inner_link_sends_its_bytes()
    {
        Directory.CreateSymbolicLink(Path.Combine(Folder, "same"), Folder);
        await using var host = await StartAsync();
        var account = host.Grains.Running("default", friends: [TestData.Xiaohui]);

        foreach (var path in new[] { "inside.png", Path.Combine(Folder, "inside.png"), "same/inside.png" })
        {
            var (code, json) = await GetAsync(host, $"/openwx/send_friend_message?id={Uri.EscapeDataString(TestData.Xiaohui.Id)}&media_path={Uri.EscapeDataString(path)}");
            Assert.Equal(HttpStatusCode.OK, code);
            Assert.Equal(0, (int?)json["code"]);
        }
        Assert.Equal(3, account.MediaSent.Count);
        Assert.All(account.MediaSent, m => Assert.Equal(File.ReadAllBytes(Path.Combine(Folder, "inside.png")), m.Media.Upload!.Data));
        Assert.All(account.MediaSent, m => Assert.Equal("inside.png", m.Media.Upload!.Name));
    }

    [Fact]
    public async Task Without_a_media_folder_media_path_is_refused()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("default", friends: [TestData.Xiaohui]);

        var (code, json) = await GetAsync(host, $"/openwx/send_friend_message?id={Uri.EscapeDataString(TestData.Xiaohui.Id)}&media_path=inside.png");

        Assert.Equal(HttpStatusCode.Forbidden, code);
        Assert.Equal("media_path is disabled: no media folder is configured (OpenWx:Media:SendFolder)", (string?)json["status"]);
    }

    [Fact]
    public async Task Media_data_base64_with_content_reaches_the_grain_as_bytes_with_its_name_and_type()
    {
        await using var host = await StartAsync();
        var account = host.Grains.Running("default", friends: [TestData.Xiaohui]);

        var json = await host.PostFormAsync("/openwx/send_friend_message", new Dictionary<string, string>
        {
            ["id"] = TestData.Xiaohui.Id, ["content"] = "look", ["media_data"] = Convert.ToBase64String([1, 2, 3, 4]),
            ["media_name"] = "a.bin", ["media_type"] = "file", ["media_mime"] = "application/x-test",
        });

        Assert.Equal($$"""{"id":"43:{{TestData.Xiaohui.Id}}","code":0,"status":"success","media_id":"@crypt_fake:6"}""", json!.ToJsonString());
        var sent = Assert.Single(account.MediaSent);
        Assert.Equal("look", sent.Content);
        var upload = sent.Media.Upload!;
        Assert.Equal(("a.bin", "application/x-test", MediaKind.File), (upload.Name, upload.Mime, upload.Kind));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, upload.Data);
    }

    [Fact]
    public async Task A_multipart_media_data_file_part_carries_raw_bytes_as_in_mojo()
    {
        await using var host = await StartAsync();
        var account = host.Grains.Running("default", friends: [TestData.Xiaohui]);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(TestData.Xiaohui.Id), "id" },
            { new ByteArrayContent([9, 8, 7]), "media_data", "notes.txt" },
        };

        using var response = await host.Client.PostAsync("/openwx/send_friend_message", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upload = Assert.Single(account.MediaSent).Media.Upload!;
        Assert.Equal("notes.txt", upload.Name);
        Assert.Equal(new byte[] { 9, 8, 7 }, upload.Data);
    }

    [Fact]
    public async Task Upload_media_answers_mojos_bare_hash_without_a_code()
    {
        await using var host = await StartAsync();
        var account = host.Grains.Running("default");

        var (code, json) = await GetAsync(host, "/openwx/upload_media?media_path=inside.png&media_type=image");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(
            """{"media_id":"@crypt_fake:3","media_code":3,"media_type":"image","media_path":"inside.png","media_name":"inside.png","media_size":7,"media_mime":"application/octet-stream","media_mtime":1700000000,"media_ext":"png"}""",
            json.ToJsonString());
        Assert.Single(account.Uploads);

        var (badCode, bad) = await GetAsync(host, "/openwx/upload_media?media_data=%25%25");
        Assert.Equal(HttpStatusCode.BadRequest, badCode);
        Assert.Null(bad["media_id"]);
        Assert.False(bad.AsObject().ContainsKey("code"));
        Assert.Equal("media_data is not valid base64", (string?)bad["error"]);
    }

    private Task<ApiHost> StartAsync() =>
        ApiHost.StartAsync(new Dictionary<string, string?> { ["OpenWx:Media:SendFolder"] = Folder });

    private static async Task<(HttpStatusCode Code, JsonObject Json)> GetAsync(ApiHost host, string url)
    {
        using var response = await host.Client.GetAsync(url);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
