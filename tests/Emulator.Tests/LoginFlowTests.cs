using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.Tests.Support;

namespace OpenWxCluster.Emulator.Tests;

/// <summary>The QR login over real loopback HTTP, step by step, as a web client sees it.</summary>
public sealed class LoginFlowTests
{
    [Fact]
    public async Task Qr_login_walks_408_201_200_then_newloginpage_answers_301_with_credentials_and_cookies()
    {
        await using var emu = await TestEmulator.StartAsync(TestEmulator.Fast with { LoginPollHold = TimeSpan.FromMilliseconds(300) });
        await emu.Control.CreateUserAsync(new CreateUserRequest { Wxid = "wxid_alice", NickName = "Alice" });
        var client = emu.NewClient();

        var uuid = await LoginDriver.JsLoginAsync(client);
        using var qr = await client.SendAsync(HttpMethod.Get, WxTestClient.QrHost, $"/qrcode/{uuid}");
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        var image = await qr.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], image[..4]);
        var pending = Assert.Single(await emu.Control.ListLoginsAsync());
        Assert.Equal(uuid, pending.Uuid);
        Assert.Equal("waiting", pending.State);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(image)), pending.QrSha256);

        Assert.Equal(408, LoginDriver.CodeOf(await LoginDriver.PollAsync(client, uuid, tip: 1)));

        var scanned = await emu.Control.ScanImageAsync(image, "wxid_alice");
        Assert.Equal("scanned", scanned.State);
        var poll201 = await LoginDriver.PollAsync(client, uuid, tip: 1);
        Assert.Equal(201, LoginDriver.CodeOf(poll201));
        Assert.Contains("window.userAvatar = 'data:img/jpg;base64,", poll201);
        Assert.Equal(408, LoginDriver.CodeOf(await LoginDriver.PollAsync(client, uuid)));

        await emu.Control.ConfirmAsync(uuid);
        var poll200 = await LoginDriver.PollAsync(client, uuid);
        Assert.Equal(200, LoginDriver.CodeOf(poll200));
        var redirect = new Uri(LoginDriver.RedirectOf(poll200));
        Assert.Equal("https", redirect.Scheme);
        Assert.Equal("wx2.qq.com", redirect.Host);
        Assert.Equal("/cgi-bin/mmwebwx-bin/webwxnewloginpage", redirect.AbsolutePath);
        Assert.Matches("ticket=[^&]+&uuid=" + Regex.Escape(uuid) + "&lang=zh_CN&scan=\\d+", redirect.Query);

        var (status, xml) = await LoginDriver.NewLoginPageAsync(client, redirect.ToString());
        Assert.Equal(HttpStatusCode.MovedPermanently, status);
        Assert.Equal("0", xml.Element("ret")!.Value);
        Assert.StartsWith("@crypt_", xml.Element("skey")!.Value);
        Assert.NotEmpty(xml.Element("wxsid")!.Value);
        Assert.NotEmpty(xml.Element("pass_ticket")!.Value);
        Assert.Equal("1", xml.Element("isgrayscale")!.Value);
        var alice = await emu.Control.GetUserAsync("wxid_alice");
        Assert.Equal(alice.Uin.ToString(), xml.Element("wxuin")!.Value);
        foreach (var name in new[] { "wxuin", "wxsid", "webwx_data_ticket", "webwx_auth_ticket" })
        {
            Assert.Contains(client.SetCookieHeaders, h => h.StartsWith(name + "=", StringComparison.Ordinal) && h.Contains("Domain=.qq.com"));
        }

        Assert.Equal(xml.Element("wxsid")!.Value, client.Cookies["wxsid"]);
        Assert.Equal("consumed", Assert.Single(await emu.Control.ListLoginsAsync()).State);

        // The ticket is single-use: replaying the redirect does not create a second session.
        var (_, replay) = await LoginDriver.NewLoginPageAsync(client, redirect.ToString());
        Assert.NotEqual("0", replay.Element("ret")!.Value);
    }

    [Fact]
    public async Task Web_login_refused_user_gets_ret_1203_and_no_cookies()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.Control.CreateUserAsync(new CreateUserRequest { Wxid = "wxid_blocked", WebLoginRefused = true });
        var client = emu.NewClient();
        var uuid = await LoginDriver.JsLoginAsync(client);
        await emu.Control.ScanAsync(uuid, "wxid_blocked");
        await emu.Control.ConfirmAsync(uuid);

        var (status, xml) = await LoginDriver.NewLoginPageAsync(client, LoginDriver.RedirectOf(await LoginDriver.PollAsync(client, uuid)));

        Assert.Equal(HttpStatusCode.MovedPermanently, status);
        Assert.Equal("1203", xml.Element("ret")!.Value);
        Assert.NotEmpty(xml.Element("message")!.Value);
        Assert.Null(xml.Element("skey"));
        Assert.Empty(client.Cookies);
        Assert.Empty(await emu.Control.ListSessionsAsync());
    }

    [Fact]
    public async Task An_unscanned_qr_expires_and_the_poll_answers_400()
    {
        await using var emu = await TestEmulator.StartAsync(TestEmulator.Fast with { QrLifetime = TimeSpan.FromMilliseconds(400) });
        var client = emu.NewClient();
        var uuid = await LoginDriver.JsLoginAsync(client);

        // The hold (5 s) is longer than the lifetime: the expiry itself must end the long-poll.
        var code = LoginDriver.CodeOf(await LoginDriver.PollAsync(client, uuid));

        Assert.Equal(400, code);
        Assert.Equal("expired", Assert.Single(await emu.Control.ListLoginsAsync()).State);
        var error = await Assert.ThrowsAsync<EmulatorControlException>(() => emu.Control.ScanAsync(uuid, "wxid_nobody"));
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task Qr_lifetime_changed_through_settings_applies_to_new_logins()
    {
        await using var emu = await TestEmulator.StartAsync();
        var settings = await emu.Control.UpdateSettingsAsync(new SettingsPatch { QrLifetimeMs = 300 });
        Assert.Equal(300, settings.QrLifetimeMs);
        var client = emu.NewClient();
        var uuid = await LoginDriver.JsLoginAsync(client);

        Assert.Equal(400, LoginDriver.CodeOf(await LoginDriver.PollAsync(client, uuid)));
    }

    [Fact]
    public async Task Cookie_check_page_reports_a_live_session_only_with_its_cookies()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.Control.CreateUserAsync(new CreateUserRequest { Wxid = "wxid_alice" });
        var session = await LoginDriver.LoginAsync(emu, "wxid_alice");

        Assert.Contains("isLogin: !!\"1\"", await session.Client.GetTextAsync(WxTestClient.MainHost, "/"));
        Assert.Contains("isLogin: !!\"\"", await emu.NewClient().GetTextAsync(WxTestClient.MainHost, "/"));
    }

    [Fact]
    public async Task Endpoints_reject_requests_addressed_to_the_wrong_upstream_host()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.Control.CreateUserAsync(new CreateUserRequest { Wxid = "wxid_alice" });
        var session = await LoginDriver.LoginAsync(emu, "wxid_alice");

        using var wrongDomain = await session.Client.SendAsync(HttpMethod.Post, "wx.qq.com", "/cgi-bin/mmwebwx-bin/webwxinit",
            new StringContent(JsonSerializer.Serialize(new { BaseRequest = session.BaseRequest() })));
        using var syncCheckOnMain = await session.Client.SendAsync(HttpMethod.Get, WxTestClient.MainHost, "/cgi-bin/mmwebwx-bin/synccheck");
        using var jsloginOnMain = await session.Client.SendAsync(HttpMethod.Get, WxTestClient.MainHost, "/jslogin");

        Assert.Equal(HttpStatusCode.NotFound, wrongDomain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, syncCheckOnMain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, jsloginOnMain.StatusCode);
    }
}
