using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OpenWxCluster.Emulator.Tests.Support;

/// <summary>The QR login steps over HTTP, with the phone side played through the control API.</summary>
internal static partial class LoginDriver
{
    public static async Task<string> JsLoginAsync(WxTestClient client)
    {
        var body = await client.GetTextAsync(WxTestClient.LoginHost,
            "/jslogin?appid=wx782c26e4c19acffb&redirect_uri=https%3A%2F%2Fwx.qq.com%2Fcgi-bin%2Fmmwebwx-bin%2Fwebwxnewloginpage&fun=new&lang=zh_CN&_=1");
        var match = UuidPattern().Match(body);
        Assert.True(match.Success, body);
        return match.Groups[1].Value;
    }

    public static Task<string> PollAsync(WxTestClient client, string uuid, int tip = 0, CancellationToken ct = default) =>
        client.GetTextAsync(WxTestClient.LoginHost, $"/cgi-bin/mmwebwx-bin/login?loginicon=true&uuid={WebUtility.UrlEncode(uuid)}&tip={tip}&r=-1&_=1", ct);

    public static int CodeOf(string pollBody)
    {
        var match = CodePattern().Match(pollBody);
        Assert.True(match.Success, pollBody);
        return int.Parse(match.Groups[1].Value);
    }

    public static string RedirectOf(string pollBody)
    {
        var match = RedirectPattern().Match(pollBody);
        Assert.True(match.Success, pollBody);
        return match.Groups[1].Value;
    }

    /// <summary>GET the redirect (on its own host) and return the status and the parsed XML.</summary>
    public static async Task<(HttpStatusCode Status, XElement Xml)> NewLoginPageAsync(WxTestClient client, string redirectUri)
    {
        var uri = new Uri(redirectUri + "&fun=new&version=v2&lang=zh_CN");
        using var response = await client.SendAsync(HttpMethod.Get, uri.Host, uri.PathAndQuery);
        return (response.StatusCode, XElement.Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Full login of an existing user through jslogin → scan → confirm → newloginpage → webwxinit.</summary>
    public static async Task<WebSession> LoginAsync(TestEmulator emulator, string wxid)
    {
        var client = emulator.NewClient();
        var uuid = await JsLoginAsync(client);
        await emulator.Control.ScanAsync(uuid, wxid);
        Assert.Equal(201, CodeOf(await PollAsync(client, uuid, tip: 1)));
        await emulator.Control.ConfirmAsync(uuid);
        var (status, xml) = await NewLoginPageAsync(client, RedirectOf(await PollAsync(client, uuid)));
        Assert.Equal(HttpStatusCode.MovedPermanently, status);
        Assert.Equal("0", xml.Element("ret")!.Value);
        var session = new WebSession(client, wxid, long.Parse(xml.Element("wxuin")!.Value), xml.Element("wxsid")!.Value,
            xml.Element("skey")!.Value, WebUtility.UrlDecode(xml.Element("pass_ticket")!.Value));
        await session.InitAsync();
        return session;
    }

    [GeneratedRegex("^window\\.QRLogin\\.code = 200; window\\.QRLogin\\.uuid = \"([^\"]+)\";$")]
    private static partial Regex UuidPattern();

    [GeneratedRegex("^window\\.code=(\\d+);")]
    private static partial Regex CodePattern();

    [GeneratedRegex("window\\.redirect_uri=\"([^\"]+)\";")]
    private static partial Regex RedirectPattern();
}
