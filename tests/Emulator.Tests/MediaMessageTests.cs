using System.Net;
using System.Security;
using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.Tests.Support;

namespace OpenWxCluster.Emulator.Tests;

/// <summary>File appmsgs, video, emoticons and voice: upload → send → the recipient downloads the same bytes.</summary>
public sealed class MediaMessageTests
{
    private const string Cgi = "/cgi-bin/mmwebwx-bin/";

    [Fact]
    public async Task A_file_appmsg_reaches_the_peer_as_49_6_and_webwxgetmedia_serves_the_uploaded_bytes()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (alice, bob, bobName) = await PairAsync(emu);
        var file = MediaUpload.Bytes(700 * 1024, 3);
        var mediaId = await MediaUpload.UploadAsync(alice, bobName, file, "report <1>.pdf", "application/pdf", "doc");

        var content = AppMsg("report <1>.pdf", file.Length, mediaId);
        var sent = await SendAsync(alice, "webwxsendappmsg?fun=async&f=json", new { ClientMsgId = "17000000000000001", Content = content, FromUserName = alice.UserName, LocalID = "17000000000000001", ToUserName = bobName, Type = 6 });
        Assert.Equal(0, Ret(sent));

        var received = Assert.Single(await bob.DrainMessagesAsync());
        Assert.Equal(49, received.GetProperty("MsgType").GetInt32());
        Assert.Equal(6, received.GetProperty("AppMsgType").GetInt32());
        Assert.Equal("report <1>.pdf", received.GetProperty("FileName").GetString());
        Assert.Equal(file.Length.ToString(), received.GetProperty("FileSize").GetString());
        Assert.Equal(mediaId, received.GetProperty("MediaId").GetString());
        Assert.Contains("&lt;attachid&gt;" + mediaId, received.GetProperty("Content").GetString());

        var sender = received.GetProperty("FromUserName").GetString()!;
        var query = $"sender={bob.Escaped(sender)}&mediaid={bob.Escaped(mediaId)}&filename={bob.Escaped("report <1>.pdf")}&fromuser={bob.Uin}" +
            $"&pass_ticket={bob.Escaped(bob.PassTicket)}&webwx_data_ticket={bob.Escaped(bob.Client.Cookies["webwx_data_ticket"])}";
        using (var download = await bob.Client.SendAsync(HttpMethod.Get, MediaUpload.FileHost, $"{Cgi}webwxgetmedia?{query}"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(file, await download.Content.ReadAsByteArrayAsync());
        }

        // The main host is the wrong host for this CGI, and another account's data ticket is refused.
        using (var wrongHost = await bob.Client.SendAsync(HttpMethod.Get, WxTestClient.MainHost, $"{Cgi}webwxgetmedia?{query}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrongHost.StatusCode);
        }

        var stolen = query.Replace(bob.Escaped(bob.Client.Cookies["webwx_data_ticket"]), alice.Escaped(alice.Client.Cookies["webwx_data_ticket"]));
        using var refused = await bob.Client.SendAsync(HttpMethod.Get, MediaUpload.FileHost, $"{Cgi}webwxgetmedia?{stolen}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task An_appmsg_whose_attachid_was_not_uploaded_or_whose_size_differs_is_refused()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (alice, bob, bobName) = await PairAsync(emu);
        var file = MediaUpload.Bytes(1000, 1);
        var mediaId = await MediaUpload.UploadAsync(alice, bobName, file, "a.txt", "text/plain", "doc");

        var unknown = await SendAsync(alice, "webwxsendappmsg?fun=async&f=json", new { ClientMsgId = "1", Content = AppMsg("a.txt", 1000, "@crypt_0_0"), FromUserName = alice.UserName, LocalID = "1", ToUserName = bobName, Type = 6 });
        var wrongSize = await SendAsync(alice, "webwxsendappmsg?fun=async&f=json", new { ClientMsgId = "2", Content = AppMsg("a.txt", 999, mediaId), FromUserName = alice.UserName, LocalID = "2", ToUserName = bobName, Type = 6 });
        Assert.Equal(1, Ret(unknown));
        Assert.Equal(1, Ret(wrongSize));
        Assert.Empty(await bob.DrainMessagesAsync());
    }

    [Fact]
    public async Task A_video_is_delivered_as_43_and_webwxgetvideo_answers_206_only_to_a_range_request()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (alice, bob, bobName) = await PairAsync(emu);
        var video = MediaUpload.Bytes(600 * 1024, 9);
        var mediaId = await MediaUpload.UploadAsync(alice, bobName, video, "clip.mp4", "video/mp4", "video");

        var sent = await SendAsync(alice, "webwxsendvideomsg?fun=async&f=json", new { ClientMsgId = "3", FromUserName = alice.UserName, MediaId = mediaId, LocalID = "3", ToUserName = bobName, Type = 43 });
        Assert.Equal(0, Ret(sent));
        var received = Assert.Single(await bob.DrainMessagesAsync());
        Assert.Equal(43, received.GetProperty("MsgType").GetInt32());
        var msgId = received.GetProperty("MsgId").GetString()!;

        using var http = new HttpClient { BaseAddress = emu.Host.BaseUri };
        using var ranged = await GetWithHeadersAsync(http, bob, $"{Cgi}webwxgetvideo?msgid={msgId}&skey={bob.Escaped(bob.Skey)}", range: true);
        Assert.Equal(HttpStatusCode.PartialContent, ranged.StatusCode);
        Assert.Equal($"bytes 0-{video.Length - 1}/{video.Length}", ranged.Content.Headers.ContentRange?.ToString());
        Assert.Equal(video, await ranged.Content.ReadAsByteArrayAsync());

        using var plain = await GetWithHeadersAsync(http, bob, $"{Cgi}webwxgetvideo?msgid={msgId}&skey={bob.Escaped(bob.Skey)}", range: false);
        Assert.Empty(await plain.Content.ReadAsByteArrayAsync());

        // The voice CGI does not serve a video message.
        using var asVoice = await bob.Client.SendAsync(HttpMethod.Get, WxTestClient.MainHost, $"{Cgi}webwxgetvoice?msgid={msgId}&skey={bob.Escaped(bob.Skey)}");
        Assert.Equal(HttpStatusCode.NotFound, asVoice.StatusCode);
    }

    [Fact]
    public async Task An_emoticon_needs_EmojiFlag_2_and_is_delivered_as_47_with_its_bytes()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (alice, bob, bobName) = await PairAsync(emu);
        var gif = MediaUpload.Bytes(4000, 5);
        gif[0] = (byte)'G';
        gif[1] = (byte)'I';
        gif[2] = (byte)'F';
        var mediaId = await MediaUpload.UploadAsync(alice, bobName, gif, "e.gif", "image/gif", "pic");

        var noFlag = await SendAsync(alice, "webwxsendemoticon?fun=sys", new { ClientMsgId = "4", FromUserName = alice.UserName, MediaId = mediaId, LocalID = "4", ToUserName = bobName, Type = 47 });
        Assert.Equal(1, Ret(noFlag));
        var sent = await SendAsync(alice, "webwxsendemoticon?fun=sys", new { ClientMsgId = "5", EmojiFlag = 2, FromUserName = alice.UserName, MediaId = mediaId, LocalID = "5", ToUserName = bobName, Type = 47 });
        Assert.Equal(0, Ret(sent));

        var received = Assert.Single(await bob.DrainMessagesAsync());
        Assert.Equal(47, received.GetProperty("MsgType").GetInt32());
        Assert.Contains("&lt;emoji", received.GetProperty("Content").GetString());
        using var big = await bob.Client.SendAsync(HttpMethod.Get, WxTestClient.MainHost,
            $"{Cgi}webwxgetmsgimg?&MsgID={received.GetProperty("MsgId").GetString()}&skey={bob.Escaped(bob.Skey)}&type=big");
        Assert.Equal(gif, await big.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_phone_voice_message_is_delivered_as_34_and_webwxgetvoice_serves_it()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (_, bob, _) = await PairAsync(emu);
        var voice = MediaUpload.Bytes(9000, 7);

        var result = emu.Host.World.SendMedia(new ControlMediaMessageRequest("wxid_alice", "wxid_bob", 34, Convert.ToBase64String(voice), PlayLength: 3));
        Assert.Contains("wxid_bob", result.DeliveredTo);
        var received = Assert.Single(await bob.DrainMessagesAsync());
        Assert.Equal(34, received.GetProperty("MsgType").GetInt32());
        Assert.Equal(3000, received.GetProperty("VoiceLength").GetInt32());

        using var download = await bob.Client.SendAsync(HttpMethod.Get, WxTestClient.MainHost, $"{Cgi}webwxgetvoice?msgid={result.MsgId}&skey={bob.Escaped(bob.Skey)}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(voice, await download.Content.ReadAsByteArrayAsync());
        using var wrongSkey = await bob.Client.SendAsync(HttpMethod.Get, WxTestClient.MainHost, $"{Cgi}webwxgetvoice?msgid={result.MsgId}&skey=@crypt_0_0");
        Assert.Equal(HttpStatusCode.NotFound, wrongSkey.StatusCode);
    }

    internal static string AppMsg(string name, long size, string mediaId) =>
        $"<appmsg appid='wxeb7ec651dd0aefa9' sdkver=''><title>{SecurityElement.Escape(name)}</title><des></des><action></action><type>6</type>" +
        $"<content></content><url></url><lowurl></lowurl><appattach><totallen>{size}</totallen><attachid>{mediaId}</attachid>" +
        $"<fileext>{Path.GetExtension(name).TrimStart('.')}</fileext></appattach><extinfo></extinfo></appmsg>";

    private static async Task<(WebSession Alice, WebSession Bob, string BobName)> PairAsync(TestEmulator emu)
    {
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        var bob = await LoginDriver.LoginAsync(emu, "wxid_bob");
        await bob.DrainMessagesAsync();
        return (alice, bob, (await emu.Control.ResolveUserNameAsync("wxid_alice", "wxid_bob")).UserName);
    }

    private static Task<JsonElement> SendAsync(WebSession s, string cgiAndQuery, object msg) =>
        s.Client.PostJsonAsync(WxTestClient.MainHost, $"{Cgi}{cgiAndQuery}&pass_ticket={s.Escaped(s.PassTicket)}", new { BaseRequest = s.BaseRequest(), Msg = msg, Scene = 0 });

    private static int Ret(JsonElement reply) => reply.GetProperty("BaseResponse").GetProperty("Ret").GetInt32();

    private static async Task<HttpResponseMessage> GetWithHeadersAsync(HttpClient http, WebSession s, string path, bool range)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        request.Headers.Add("X-Upstream-Host", WxTestClient.MainHost);
        request.Headers.Add("Cookie", string.Join("; ", s.Client.Cookies.Select(c => $"{c.Key}={c.Value}")));
        if (range)
        {
            request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, null);
        }

        return await http.SendAsync(request);
    }
}
