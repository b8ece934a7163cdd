using System.Net;
using OpenWxCluster.Protocol.Tests.Support;

namespace OpenWxCluster.Protocol.Tests.Driver;

public sealed class DownloadRequestTests
{
    private static RecordingHandler Bytes(params byte[] data) => new RecordingHandler().Enqueue(_ =>
    {
        var content = new ByteArrayContent(data);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Message_image_uses_MsgID_and_skey(bool big)
    {
        var handler = Bytes(0xFF, 0xD8);
        var media = await TestDrivers.Create(handler).GetMessageImageAsync(TestDrivers.Session(), "123456", big);

        Assert.Equal([0xFF, 0xD8], media.Data);
        Assert.Equal("image/jpeg", media.ContentType);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxgetmsgimg", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("123456", request.Query("MsgID"));
        Assert.Equal("@crypt_SKEYSECRET", request.Query("skey"));
        Assert.Equal(big ? "big" : null, request.Query("type"));
    }

    [Fact]
    public async Task Voice_and_video_use_msgid_and_video_sends_a_range()
    {
        var handler = new RecordingHandler { Fallback = _ => new HttpResponseMessage(HttpStatusCode.PartialContent) { Content = new ByteArrayContent([1, 2]) } };
        var driver = TestDrivers.Create(handler);
        await driver.GetVoiceAsync(TestDrivers.Session(), "77");
        var video = await driver.GetVideoAsync(TestDrivers.Session(), "78");

        Assert.Equal([1, 2], video.Data);
        Assert.Equal("/cgi-bin/mmwebwx-bin/webwxgetvoice", handler.Requests[0].Uri.AbsolutePath);
        Assert.Equal("77", handler.Requests[0].Query("msgid"));
        Assert.Null(handler.Requests[0].Header("Range"));
        Assert.Equal("/cgi-bin/mmwebwx-bin/webwxgetvideo", handler.Requests[1].Uri.AbsolutePath);
        Assert.Equal("78", handler.Requests[1].Query("msgid"));
        Assert.Equal("bytes=0-", handler.Requests[1].Header("Range"));
    }

    [Fact]
    public async Task Files_come_from_the_file_host_with_the_data_ticket()
    {
        var handler = Bytes(9);
        var session = TestDrivers.Session();
        session.Cookies["webwx_data_ticket"] = new WxCookie("webwx_data_ticket", "DT", "qq.com");
        await TestDrivers.Create(handler).GetFileAsync(session, "@sender", "@crypt_file", "报告.pdf");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://file.wx2.qq.com/cgi-bin/mmwebwx-bin/webwxgetmedia", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("@sender", request.Query("sender"));
        Assert.Equal("@crypt_file", request.Query("mediaid"));
        Assert.Equal("报告.pdf", request.Query("filename"));
        Assert.Equal("2100000001", request.Query("fromuser"));
        Assert.Equal("PT/SECRET+1=", request.Query("pass_ticket"));
        Assert.Equal("DT", request.Query("webwx_data_ticket"));
        Assert.Equal("webwx_data_ticket=DT", request.Header("Cookie"));
    }

    [Fact]
    public async Task Avatar_is_fetched_from_the_account_domain()
    {
        var handler = Bytes(1);
        await TestDrivers.Create(handler).GetAvatarAsync(TestDrivers.Session(), "/cgi-bin/mmwebwx-bin/webwxgeticon?seq=1&username=@abc&skey=@crypt_x");
        Assert.Equal(
            "https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxgeticon?seq=1&username=@abc&skey=@crypt_x",
            Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://evil.example/x")]
    [InlineData("//evil.example/x")]
    public async Task Avatar_refuses_urls_that_leave_the_account_host(string url)
    {
        var handler = Bytes(1);
        await Assert.ThrowsAsync<ArgumentException>(() => TestDrivers.Create(handler).GetAvatarAsync(TestDrivers.Session(), url));
        Assert.Empty(handler.Requests);
    }
}
