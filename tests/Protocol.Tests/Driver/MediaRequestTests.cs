using System.Security.Cryptography;
using System.Text;
using OpenWxCluster.Protocol.Tests.Support;

namespace OpenWxCluster.Protocol.Tests.Driver;

public sealed class MediaRequestTests
{
    private static string UploadAnswer(string mediaId) => "{" + TestDrivers.OkBase + $",\"MediaId\":\"{mediaId}\",\"StartPos\":0,\"CName\":\"\"}}";

    private static WxSession SessionWithTicket()
    {
        var session = TestDrivers.Session();
        session.Cookies["webwx_data_ticket"] = new WxCookie("webwx_data_ticket", "DATATICKET", "qq.com");
        return session;
    }

    [Fact]
    public async Task Small_upload_is_one_multipart_post_to_the_file_host()
    {
        var handler = new RecordingHandler().EnqueueJson(UploadAnswer("@crypt_media1"));
        var data = Encoding.ASCII.GetBytes("PNGDATA-0123456789");
        var result = await TestDrivers.Create(handler).UploadMediaAsync(
            SessionWithTicket(), "@friend", new WxUpload(data, "a.png", "image/png") { LastModified = new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)) });

        Assert.Equal("@crypt_media1:3", result.MojoMediaId);
        Assert.Equal(WxMediaKind.Image, result.Kind);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://file.wx2.qq.com/cgi-bin/mmwebwx-bin/webwxuploadmedia?f=json", request.Uri.AbsoluteUri);
        Assert.Equal("webwx_data_ticket=DATATICKET", request.Header("Cookie"));
        var parts = Multipart.Parts(request);
        Assert.Equal("WU_FILE_0", parts["id"]);
        Assert.Equal("a.png", parts["name"]);
        Assert.Equal("image/png", parts["type"]);
        Assert.Equal("Tue Jan 01 2019 00:00:00 GMT+0800", parts["lastModifiedDate"]);
        Assert.Equal(data.Length.ToString(), parts["size"]);
        Assert.Equal("pic", parts["mediatype"]);
        Assert.Equal("DATATICKET", parts["webwx_data_ticket"]);
        Assert.Equal("PT/SECRET+1=", parts["pass_ticket"]);
        Assert.Equal("PNGDATA-0123456789", parts["filename"]);
        Assert.False(parts.ContainsKey("chunks"));
        var upload = System.Text.Json.JsonDocument.Parse(parts["uploadmediarequest"]).RootElement;
        Assert.Equal(2, upload.GetProperty("UploadType").GetInt32());
        Assert.Equal(4, upload.GetProperty("MediaType").GetInt32());
        Assert.Equal(data.Length, upload.GetProperty("TotalLen").GetInt32());
        Assert.Equal(data.Length, upload.GetProperty("DataLen").GetInt32());
        Assert.Equal(0, upload.GetProperty("StartPos").GetInt32());
        Assert.Equal("@self0000", upload.GetProperty("FromUserName").GetString());
        Assert.Equal("@friend", upload.GetProperty("ToUserName").GetString());
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(data)), upload.GetProperty("FileMd5").GetString());
        Assert.Matches("^e[0-9]{15}$", upload.GetProperty("BaseRequest").GetProperty("DeviceID").GetString());
    }

    [Fact]
    public async Task Large_upload_is_sent_in_512KB_chunks_and_takes_the_last_MediaId()
    {
        var handler = new RecordingHandler()
            .EnqueueJson(UploadAnswer(""))
            .EnqueueJson(UploadAnswer(""))
            .EnqueueJson(UploadAnswer("@crypt_final"));
        var data = new byte[(2 * 512 * 1024) + 1000];
        Array.Fill(data, (byte)'x');
        var result = await TestDrivers.Create(handler).UploadMediaAsync(SessionWithTicket(), "@friend", new WxUpload(data, "big.bin", "application/zip"));

        Assert.Equal("@crypt_final:6", result.MojoMediaId);
        Assert.Equal(3, handler.Requests.Count);
        var parts = handler.Requests.Select(Multipart.Parts).ToList();
        Assert.All(parts, p => Assert.Equal("3", p["chunks"]));
        Assert.Equal(["0", "1", "2"], parts.Select(p => p["chunk"]));
        Assert.Equal([524288, 524288, 1000], parts.Select(p => p["filename"].Length));
        Assert.All(parts, p => Assert.Equal("doc", p["mediatype"]));
        var clientIds = parts.Select(p => System.Text.Json.JsonDocument.Parse(p["uploadmediarequest"]).RootElement.GetProperty("ClientMediaId").GetString()).Distinct();
        Assert.Single(clientIds);
    }

    [Fact]
    public async Task Uploads_over_20MB_are_refused_before_sending()
    {
        var handler = new RecordingHandler();
        var ex = await Assert.ThrowsAsync<WxMediaTooLargeException>(() => TestDrivers.Create(handler)
            .UploadMediaAsync(TestDrivers.Session(), "@f", new WxUpload(new byte[(20 * 1024 * 1024) + 1], "v.mp4", "video/mp4")));
        Assert.Equal(20 * 1024 * 1024, ex.Limit);
        Assert.Equal("media size exceed, maximum size is 20971520 bytes", ex.Message);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("image/gif", WxMediaKind.Emoticon)]
    [InlineData("image/jpeg", WxMediaKind.Image)]
    [InlineData("video/mp4", WxMediaKind.Video)]
    [InlineData("video/mpeg", WxMediaKind.Video)]
    [InlineData("audio/mpeg", WxMediaKind.File)]
    [InlineData("application/octet-stream", WxMediaKind.File)]
    public void Upload_kind_follows_the_mime_type(string mime, WxMediaKind kind) =>
        Assert.Equal(kind, new WxUpload(new byte[1], "x", mime).Kind);

    [Theory]
    [InlineData("image", "webwxsendmsgimg", "async", 3)]
    [InlineData("video", "webwxsendvideomsg", "async", 43)]
    [InlineData("emoticon", "webwxsendemoticon", "sys", 47)]
    public async Task Media_sends_use_their_cgi_type_and_MediaId(string kind, string cgi, string fun, int type)
    {
        var handler = new RecordingHandler().EnqueueJson("{" + TestDrivers.OkBase + ",\"MsgID\":\"900\",\"LocalID\":\"17000000000000009\"}");
        var driver = TestDrivers.Create(handler);
        var session = TestDrivers.Session();
        var result = kind switch
        {
            "image" => await driver.SendImageAsync(session, "@friend", "@crypt_m", "17000000000000009"),
            "video" => await driver.SendVideoAsync(session, "@friend", "@crypt_m", "17000000000000009"),
            _ => await driver.SendEmoticonAsync(session, "@friend", "@crypt_m", "17000000000000009"),
        };

        Assert.Equal("900:@friend", result.MojoId);
        var request = Assert.Single(handler.Requests);
        Assert.Equal($"https://wx2.qq.com/cgi-bin/mmwebwx-bin/{cgi}", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal(fun, request.Query("fun"));
        Assert.Equal("PT/SECRET+1=", request.Query("pass_ticket"));
        Assert.Equal(0, request.Json.GetProperty("Scene").GetInt32());
        var msg = request.Json.GetProperty("Msg");
        Assert.Equal(type, msg.GetProperty("Type").GetInt32());
        Assert.Equal("@crypt_m", msg.GetProperty("MediaId").GetString());
        Assert.Equal("17000000000000009", msg.GetProperty("LocalID").GetString());
        Assert.Equal(type == 47, msg.TryGetProperty("EmojiFlag", out var flag) && flag.GetInt32() == 2);
    }

    [Fact]
    public async Task File_send_is_an_appmsg_with_escaped_name_size_and_extension()
    {
        var handler = new RecordingHandler().EnqueueJson("{" + TestDrivers.OkBase + ",\"MsgID\":\"901\",\"LocalID\":\"1\"}");
        await TestDrivers.Create(handler).SendFileAsync(TestDrivers.Session(), "@@group", "@crypt_f", "a&b <1>.pdf", 2048, "17000000000000010");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/cgi-bin/mmwebwx-bin/webwxsendappmsg", request.Uri.AbsolutePath);
        Assert.Equal("async", request.Query("fun"));
        var msg = request.Json.GetProperty("Msg");
        Assert.Equal(6, msg.GetProperty("Type").GetInt32());
        Assert.Equal(
            "<appmsg appid='wxeb7ec651dd0aefa9' sdkver=''><title>a&amp;b &lt;1&gt;.pdf</title><des></des><action></action><type>6</type>"
            + "<content></content><url></url><lowurl></lowurl><appattach><totallen>2048</totallen><attachid>@crypt_f</attachid>"
            + "<fileext>pdf</fileext></appattach><extinfo></extinfo></appmsg>",
            msg.GetProperty("Content").GetString());
    }
}
