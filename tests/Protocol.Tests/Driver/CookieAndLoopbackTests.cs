using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using OpenWxCluster.Protocol.Tests.Support;
using OpenWxCluster.Protocol.Web;

namespace OpenWxCluster.Protocol.Tests.Driver;

public sealed class CookieAndLoopbackTests
{
    private const string SyncCheckOk = "window.synccheck={retcode:\"0\",selector:\"0\"}";

    [Fact]
    public async Task Cookies_are_sent_by_domain_and_Set_Cookie_is_merged_back()
    {
        var handler = new RecordingHandler().EnqueueText(
            SyncCheckOk,
            HttpStatusCode.OK,
            "webwx_data_ticket=NEWTICKET; Domain=.qq.com; Path=/",
            "wxloadtime=1700000000; Path=/",
            "old=; Max-Age=0; Path=/");
        var session = TestDrivers.Session();
        session.Cookies["wxuin"] = new WxCookie("wxuin", "2100000001", "wx2.qq.com");
        session.Cookies["webwx_data_ticket"] = new WxCookie("webwx_data_ticket", "OLDTICKET", "qq.com");
        session.Cookies["other"] = new WxCookie("other", "x", "web.wechat.com");
        session.Cookies["old"] = new WxCookie("old", "y", "wx2.qq.com");
        await TestDrivers.Create(handler).SyncCheckAsync(session);

        var cookieHeader = Assert.Single(handler.Requests).Header("Cookie")!;
        var sent = cookieHeader.Split("; ").ToHashSet();
        Assert.Contains("wxuin=2100000001", sent);
        Assert.Contains("webwx_data_ticket=OLDTICKET", sent);
        Assert.DoesNotContain("other=x", sent);

        Assert.Equal(new WxCookie("webwx_data_ticket", "NEWTICKET", "qq.com"), session.Cookies["webwx_data_ticket"]);
        Assert.Equal("webpush.wx2.qq.com", session.Cookies["wxloadtime"].Domain);
        Assert.False(session.Cookies.ContainsKey("old"));
    }

    [Fact]
    public async Task Sessions_do_not_share_cookies()
    {
        var handler = new RecordingHandler
        {
            Fallback = _ => RecordingHandler.Text(SyncCheckOk, HttpStatusCode.OK, "wxsid=FROMSERVER; Domain=wx2.qq.com"),
        };
        var driver = TestDrivers.Create(handler);
        var a = TestDrivers.Session();
        var b = TestDrivers.Session();
        a.Cookies["wxuin"] = new WxCookie("wxuin", "A", "wx2.qq.com");
        await driver.SyncCheckAsync(a);
        await driver.SyncCheckAsync(b);

        Assert.Equal("wxuin=A", handler.Requests[0].Header("Cookie"));
        Assert.Null(handler.Requests[1].Header("Cookie"));
        Assert.Equal("FROMSERVER", b.Cookies["wxsid"].Value);
        Assert.Equal(2, a.Cookies.Count);
    }

    [Fact]
    public async Task Loopback_maps_every_host_and_sends_X_Upstream_Host()
    {
        var handler = new RecordingHandler()
            .EnqueueText("window.QRLogin.code = 200; window.QRLogin.uuid = \"u==\";")
            .Enqueue(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1]) })
            .EnqueueText(SyncCheckOk)
            .EnqueueJson("{" + TestDrivers.OkBase + ",\"MemberList\":[],\"Seq\":0}");
        var driver = TestDrivers.Create(handler, o => o.LoopbackBaseUrl = "http://127.0.0.1:5800");
        await driver.GetUuidAsync();
        await driver.GetQrCodeAsync("u==");
        var session = TestDrivers.Session();
        session.Cookies["wxuin"] = new WxCookie("wxuin", "1", "wx2.qq.com");
        await driver.SyncCheckAsync(session);
        await driver.GetContactsAsync(session);

        Assert.All(handler.Requests, r => Assert.Equal("http://127.0.0.1:5800", r.Uri.GetLeftPart(UriPartial.Authority)));
        Assert.Equal(
            ["login.wx.qq.com", "login.weixin.qq.com", "webpush.wx2.qq.com", "wx2.qq.com"],
            handler.Requests.Select(r => r.Header("X-Upstream-Host")));
        Assert.Equal("/jslogin", handler.Requests[0].Uri.AbsolutePath);
        Assert.Equal("/qrcode/u%3D%3D", handler.Requests[1].Uri.AbsolutePath);
        Assert.Equal("/cgi-bin/mmwebwx-bin/synccheck", handler.Requests[2].Uri.AbsolutePath);
        Assert.Equal("1_100|2_200", handler.Requests[2].Query("synckey"));
        Assert.Equal("wxuin=1", handler.Requests[2].Header("Cookie"));
        Assert.Equal("https://wx2.qq.com/", handler.Requests[3].Header("Referer"));
    }

    [Theory]
    [InlineData("https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxsendmsg?pass_ticket=a%2Bb%3D&lang=zh_CN")]
    [InlineData("https://login.wx.qq.com/jslogin?appid=wx782c26e4c19acffb&redirect_uri=https%3A%2F%2Fwx.qq.com%2F&fun=new")]
    [InlineData("https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxgetheadimg?username=@abc&skey=@crypt_1_2")]
    [InlineData("https://file.wx2.qq.com/a%20b/c?d=e f")]
    [InlineData("https://wx2.qq.com")]
    [InlineData("https://wx2.qq.com?x=1")]
    [InlineData("https://wx2.qq.com:8443/a/b#frag")]
    public void Loopback_mapping_swaps_the_origin_and_keeps_path_query_and_fragment(string upstream)
    {
        var transport = new WxHttpTransport(new HttpClient(), new WebWxOptions { LoopbackBaseUrl = "http://127.0.0.1:5800/" }, NullLogger.Instance);
        var real = new Uri(upstream);

        var mapped = transport.MapUrl(real);

        Assert.Equal("http://127.0.0.1:5800", mapped.GetLeftPart(UriPartial.Authority));
        Assert.Equal(real.PathAndQuery, mapped.PathAndQuery);
        Assert.Equal(real.Fragment, mapped.Fragment);
    }

    [Fact]
    public async Task Real_hosts_get_no_X_Upstream_Host()
    {
        var handler = new RecordingHandler().EnqueueText(SyncCheckOk);
        await TestDrivers.Create(handler).SyncCheckAsync(TestDrivers.Session());
        Assert.Null(Assert.Single(handler.Requests).Header("X-Upstream-Host"));
    }

    [Fact]
    public async Task Web_wechat_com_accounts_use_its_sub_hosts()
    {
        var handler = new RecordingHandler().EnqueueText(SyncCheckOk);
        var session = TestDrivers.Session();
        session.Domain = "web.wechat.com";
        await TestDrivers.Create(handler).SyncCheckAsync(session);
        Assert.Equal("webpush.web.wechat.com", Assert.Single(handler.Requests).Uri.Host);
    }
}
