using System.Net;
using OpenWxCluster.Protocol.Tests.Support;

namespace OpenWxCluster.Protocol.Tests.Driver;

public sealed class LoginRequestTests
{
    [Fact]
    public async Task GetUuid_calls_jslogin_on_the_login_host_with_the_web_appid()
    {
        var handler = new RecordingHandler().EnqueueText("window.QRLogin.code = 200; window.QRLogin.uuid = \"gZ8Yq0Vd3w==\";");
        var uuid = await TestDrivers.Create(handler).GetUuidAsync();

        Assert.Equal("gZ8Yq0Vd3w==", uuid);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("https://login.wx.qq.com/jslogin", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("wx782c26e4c19acffb", request.Query("appid"));
        Assert.Equal("https://wx.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage", request.Query("redirect_uri"));
        Assert.Equal("new", request.Query("fun"));
        Assert.Equal("zh_CN", request.Query("lang"));
        Assert.True(long.Parse(request.Query("_")!) > 1_600_000_000_000);
        Assert.Contains("Mozilla/5.0", request.Header("User-Agent"));
        Assert.Equal("https://wx.qq.com/", request.Header("Referer"));
    }

    [Fact]
    public async Task GetUuid_without_uuid_is_a_ret_error()
    {
        var handler = new RecordingHandler().EnqueueText("window.QRLogin.code = 400;");
        var ex = await Assert.ThrowsAsync<WxRetException>(() => TestDrivers.Create(handler).GetUuidAsync());
        Assert.Equal(400, ex.Ret);
    }

    [Fact]
    public async Task GetQrCode_uses_the_fixed_qr_host_and_returns_the_bytes()
    {
        var handler = new RecordingHandler().Enqueue(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0]),
        });
        var bytes = await TestDrivers.Create(handler).GetQrCodeAsync("abc==");

        Assert.Equal([0xFF, 0xD8, 0xFF, 0xE0], bytes);
        Assert.Equal("https://login.weixin.qq.com/qrcode/abc%3D%3D", Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }

    [Theory]
    [InlineData(false, "1")]
    [InlineData(true, "0")]
    public async Task PollLogin_sends_tip_and_a_negative_r(bool scanned, string tip)
    {
        var handler = new RecordingHandler().EnqueueText("window.code=408;");
        var result = await TestDrivers.Create(handler).PollLoginAsync("uu==", scanned);

        Assert.Equal(LoginPollResult.Waiting, result.Code);
        Assert.Null(result.RedirectUri);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://login.wx.qq.com/cgi-bin/mmwebwx-bin/login", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("true", request.Query("loginicon"));
        Assert.Equal("uu==", request.Query("uuid"));
        Assert.Equal(tip, request.Query("tip"));
        var r = long.Parse(request.Query("r")!);
        Assert.InRange(r, int.MinValue, -1);
        Assert.NotNull(request.Query("_"));
    }

    [Fact]
    public async Task PollLogin_200_returns_the_redirect()
    {
        const string redirect = "https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=T1&uuid=U1&lang=zh_CN&scan=1700000000";
        var handler = new RecordingHandler().EnqueueText($"window.code=200;\nwindow.redirect_uri=\"{redirect}\";");
        var result = await TestDrivers.Create(handler).PollLoginAsync("U1", scanned: true);

        Assert.Equal(LoginPollResult.Confirmed, result.Code);
        Assert.Equal(redirect, result.RedirectUri);
    }

    [Fact]
    public async Task NewLoginPage_follows_the_redirect_host_and_builds_the_session_with_cookies()
    {
        const string xml = "<error><ret>0</ret><message></message><skey>@crypt_ab_cd</skey><wxsid>SID1</wxsid>"
            + "<wxuin>2100000001</wxuin><pass_ticket>PT%2Bx</pass_ticket><isgrayscale>1</isgrayscale></error>";
        var handler = new RecordingHandler().EnqueueText(
            xml,
            HttpStatusCode.MovedPermanently,
            "wxuin=2100000001; Domain=wx2.qq.com; Path=/; Expires=Fri, 01-Jan-2100 00:00:00 GMT",
            "wxsid=SID1; Domain=.wx2.qq.com; Path=/",
            "webwx_data_ticket=DT1; Domain=.qq.com; Path=/");
        var session = await TestDrivers.Create(handler).NewLoginPageAsync(
            "https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=T1&uuid=U1&lang=zh_CN&scan=1");

        var request = Assert.Single(handler.Requests);
        Assert.Equal(
            "https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=T1&uuid=U1&lang=zh_CN&scan=1&fun=new&version=v2&lang=zh_CN",
            request.Uri.AbsoluteUri);
        Assert.Equal("wx2.qq.com", session.Domain);
        Assert.Equal("@crypt_ab_cd", session.Skey);
        Assert.Equal("SID1", session.Sid);
        Assert.Equal("2100000001", session.Uin);
        Assert.Equal("PT%2Bx", session.PassTicket);
        Assert.Equal(new WxCookie("wxuin", "2100000001", "wx2.qq.com"), session.Cookies["wxuin"]);
        Assert.Equal("wx2.qq.com", session.Cookies["wxsid"].Domain);
        Assert.Equal("qq.com", session.Cookies["webwx_data_ticket"].Domain);
    }

    [Fact]
    public async Task NewLoginPage_ret_1203_is_a_login_refusal_without_secrets()
    {
        var handler = new RecordingHandler().EnqueueText(
            "<error><ret>1203</ret><message>为了你的帐号安全，此微信号不能登录网页微信。</message></error>");
        var ex = await Assert.ThrowsAsync<WxLoginRefusedException>(() => TestDrivers.Create(handler).NewLoginPageAsync(
            "https://wx.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=TICKETSECRET&uuid=UUIDSECRET&lang=zh_CN"));

        Assert.Equal(1203, ex.Ret);
        Assert.Contains("不能登录网页微信", ex.Message);
        Assert.DoesNotContain("SECRET", ex.Message);
    }

    [Fact]
    public async Task NewLoginPage_with_broken_xml_is_a_transport_error()
    {
        var handler = new RecordingHandler().EnqueueText("<error><ret>0</ret><skey>@cr");
        await Assert.ThrowsAsync<WxTransportException>(() => TestDrivers.Create(handler).NewLoginPageAsync(
            "https://wx.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=T&uuid=U"));
    }
}
