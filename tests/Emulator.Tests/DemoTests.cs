using System.Net;
using OpenWxCluster.Emulator.Tests.Support;

namespace OpenWxCluster.Emulator.Tests;

/// <summary>Demo mode: a simulated phone logs in whoever shows a QR, and friends start chatting.</summary>
public sealed class DemoTests
{
    [Fact]
    public async Task Demo_mode_scans_and_confirms_a_pending_qr_and_friends_chat()
    {
        await using var emu = await TestEmulator.StartAsync(TestEmulator.Fast with
        {
            Demo = true,
            DemoScanDelay = TimeSpan.FromMilliseconds(200),
            DemoConfirmDelay = TimeSpan.FromMilliseconds(200),
            DemoChatInterval = TimeSpan.FromMilliseconds(300),
        });
        var client = emu.NewClient();
        var uuid = await LoginDriver.JsLoginAsync(client);

        Assert.Equal(201, LoginDriver.CodeOf(await LoginDriver.PollAsync(client, uuid, tip: 1)));
        var confirmed = await LoginDriver.PollAsync(client, uuid);
        Assert.Equal(200, LoginDriver.CodeOf(confirmed));
        var (status, xml) = await LoginDriver.NewLoginPageAsync(client, LoginDriver.RedirectOf(confirmed));
        Assert.Equal(HttpStatusCode.MovedPermanently, status);
        var login = Assert.Single(await emu.Control.ListLoginsAsync());
        var session = new WebSession(client, login.ScannedBy!, long.Parse(xml.Element("wxuin")!.Value), xml.Element("wxsid")!.Value,
            xml.Element("skey")!.Value, WebUtility.UrlDecode(xml.Element("pass_ticket")!.Value));
        var init = await session.InitAsync();

        var contacts = init.GetProperty("ContactList").EnumerateArray().ToList();
        Assert.Contains(contacts, c => c.GetProperty("UserName").GetString()!.StartsWith("@@", StringComparison.Ordinal));
        Assert.True((await emu.Control.GetUserAsync(login.ScannedBy!)).FriendCount >= 3);

        var chat = new List<string>();
        for (var attempt = 0; attempt < 20 && chat.Count == 0; attempt++)
        {
            var (retCode, _) = await session.SyncCheckAsync();
            Assert.Equal("0", retCode);
            chat.AddRange((await session.DrainMessagesAsync())
                .Where(m => m.GetProperty("MsgType").GetInt32() == 1)
                .Select(m => m.GetProperty("Content").GetString()!));
        }

        Assert.NotEmpty(chat);
    }
}
