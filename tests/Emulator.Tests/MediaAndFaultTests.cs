using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.Tests.Support;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Emulator.Tests;

/// <summary>Chunked uploads, image messages, avatars and injected transport faults.</summary>
public sealed class MediaAndFaultTests
{
    private const string Cgi = "/cgi-bin/mmwebwx-bin/";

    [Fact]
    public async Task A_chunked_upload_can_be_sent_as_an_image_and_downloaded_by_the_recipient()
    {
        await using var emu = await TestEmulator.StartAsync();
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        var bob = await LoginDriver.LoginAsync(emu, "wxid_bob");
        await bob.DrainMessagesAsync();
        var bobName = (await emu.Control.ResolveUserNameAsync("wxid_alice", "wxid_bob")).UserName;
        var image = Enumerable.Range(0, 3000).Select(i => (byte)(i * 7)).ToArray();

        var first = await UploadChunkAsync(alice, bobName, image, 0, 2);
        Assert.Equal("", first.GetProperty("MediaId").GetString());
        var last = await UploadChunkAsync(alice, bobName, image, 1, 2);
        var mediaId = last.GetProperty("MediaId").GetString()!;
        Assert.StartsWith("@crypt_", mediaId);

        var sent = await alice.Client.PostJsonAsync(WxTestClient.MainHost, $"{Cgi}webwxsendmsgimg?fun=async&f=json&pass_ticket={alice.Escaped(alice.PassTicket)}", new
        {
            BaseRequest = alice.BaseRequest(),
            Msg = new { ClientMsgId = "17000000000009999", FromUserName = alice.UserName, MediaId = mediaId, LocalID = "17000000000009999", ToUserName = bobName, Type = 3 },
            Scene = 0,
        });
        Assert.Equal(0, sent.GetProperty("BaseResponse").GetProperty("Ret").GetInt32());

        var received = Assert.Single(await bob.DrainMessagesAsync());
        Assert.Equal(3, received.GetProperty("MsgType").GetInt32());
        using var download = await bob.Client.SendAsync(HttpMethod.Get, WxTestClient.MainHost,
            $"{Cgi}webwxgetmsgimg?&MsgID={received.GetProperty("MsgId").GetString()}&skey={bob.Escaped(bob.Skey)}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(image, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Avatar_urls_from_contacts_serve_an_image_for_the_session_only()
    {
        await using var emu = await TestEmulator.StartAsync();
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        var init = await alice.InitAsync();

        foreach (var contact in init.GetProperty("ContactList").EnumerateArray())
        {
            using var response = await alice.Client.SendAsync(HttpMethod.Get, WxTestClient.MainHost, contact.GetProperty("HeadImgUrl").GetString()!);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await response.Content.ReadAsByteArrayAsync())[..4]);
        }

        using var stranger = await emu.NewClient().SendAsync(HttpMethod.Get, WxTestClient.MainHost, $"{Cgi}webwxgeticon?seq=1&username=@0&skey=@crypt_0_0");
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
    }

    [Fact]
    public async Task Injected_faults_hit_only_the_matching_requests_and_only_count_times()
    {
        await using var emu = await TestEmulator.StartAsync();
        var client = emu.NewClient();

        await emu.Control.SetFaultAsync(new FaultRequest { Mode = "error", Status = 503, Count = 1, PathContains = "/jslogin" });
        using (var failed = await client.SendAsync(HttpMethod.Get, WxTestClient.LoginHost, "/jslogin"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        }

        Assert.NotEmpty(await LoginDriver.JsLoginAsync(client));

        await emu.Control.SetFaultAsync(new FaultRequest { Mode = "malformed", Count = 1, PathContains = "/jslogin" });
        var malformed = await client.GetTextAsync(WxTestClient.LoginHost, "/jslogin");
        Assert.False(malformed.EndsWith("\";", StringComparison.Ordinal));

        await emu.Control.SetFaultAsync(new FaultRequest { Mode = "truncated", Count = 1, PathContains = "/jslogin" });
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetTextAsync(WxTestClient.LoginHost, "/jslogin"));

        // The control API is never faulted, and a cleared fault stops applying.
        await emu.Control.SetFaultAsync(new FaultRequest { Mode = "error" });
        Assert.Empty(await emu.Control.ListSessionsAsync());
        await emu.Control.ClearFaultAsync();
        Assert.NotEmpty(await LoginDriver.JsLoginAsync(client));
    }

    [Fact]
    public async Task A_hold_fault_holds_requests_until_released_and_counts_them()
    {
        await using var emu = await TestEmulator.StartAsync();
        var client = emu.NewClient();
        await emu.Control.SetFaultAsync(new FaultRequest { Mode = "hold", Count = 2, PathContains = "/jslogin" });

        var held = Enumerable.Range(0, 2).Select(_ => LoginDriver.JsLoginAsync(client)).ToList();
        await Eventually.TrueAsync(async () => await emu.Control.GetHeldAsync() == 2, TimeSpan.FromSeconds(30), "two held requests");
        Assert.All(held, h => Assert.False(h.IsCompleted));
        await emu.Control.ReleaseHeldAsync();

        Assert.All(await Task.WhenAll(held).WaitAsync(TimeSpan.FromSeconds(30)), Assert.NotEmpty);
        Assert.Equal(0, await emu.Control.GetHeldAsync());
        // The count is spent: the next request is answered at once.
        Assert.NotEmpty(await LoginDriver.JsLoginAsync(client).WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static async Task<JsonElement> UploadChunkAsync(WebSession s, string to, byte[] file, int chunk, int chunks)
    {
        var size = (file.Length + chunks - 1) / chunks;
        var part = file.Skip(chunk * size).Take(size).ToArray();
        var request = JsonSerializer.Serialize(new
        {
            UploadType = 2,
            BaseRequest = s.BaseRequest(),
            ClientMediaId = "17000000000000777",
            TotalLen = file.Length,
            StartPos = 0,
            DataLen = file.Length,
            MediaType = 4,
            FromUserName = s.UserName,
            ToUserName = to,
            FileMd5 = "",
        });
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("WU_FILE_0"), "id");
        form.Add(new StringContent("pic.png"), "name");
        form.Add(new StringContent("image/png"), "type");
        form.Add(new StringContent("Tue Jan 01 2019 00:00:00 GMT+0800 (中国标准时间)"), "lastModifiedDate");
        form.Add(new StringContent(file.Length.ToString()), "size");
        form.Add(new StringContent(chunks.ToString()), "chunks");
        form.Add(new StringContent(chunk.ToString()), "chunk");
        form.Add(new StringContent("pic"), "mediatype");
        form.Add(new StringContent(request, Encoding.UTF8), "uploadmediarequest");
        form.Add(new StringContent(s.Client.Cookies["webwx_data_ticket"]), "webwx_data_ticket");
        form.Add(new StringContent(s.PassTicket), "pass_ticket");
        var bytes = new ByteArrayContent(part);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(bytes, "filename", "pic.png");
        using var response = await s.Client.SendAsync(HttpMethod.Post, "file.wx2.qq.com", $"{Cgi}webwxuploadmedia?f=json", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal(0, reply.GetProperty("BaseResponse").GetProperty("Ret").GetInt32());
        return reply;
    }
}
