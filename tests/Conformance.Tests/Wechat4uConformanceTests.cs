using System.Net;
using OpenWxCluster.Emulator;
using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Conformance.Tests;

/// <summary>
/// wechat4u 0.7.14 (an independent client from npm) against the emulator: QR login → init → contacts → a friend's
/// message is received → reply text → send an image → revoke it → logout. The harness reports what wechat4u saw
/// after each step and waits; the test then checks what the emulator recorded at that moment, and lets it go on.
/// </summary>
public sealed class Wechat4uConformanceTests
{
    private const string Account = "wxid_w4u_account";
    private const string AccountNick = "W4U Account";
    private const string Friend = "wxid_w4u_friend";
    private const string FriendNick = "W4U Friend";
    private const string Incoming = "hello from the friend's phone <3 & more";
    private const string Reply = "reply sent by wechat4u";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Wechat4u_runs_the_whole_flow_and_the_emulator_records_each_step()
    {
        await NodeHarness.EnsureInstalledAsync();
        await using var emu = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            LoginPollHold = TimeSpan.FromSeconds(2),
            SyncCheckHold = TimeSpan.FromSeconds(2),
        });
        var world = emu.World;
        world.CreateUser(new CreateUserRequest { Wxid = Friend, NickName = FriendNick });
        world.CreateUser(new CreateUserRequest { Wxid = Account, NickName = AccountNick, Friends = [Friend] });

        await using var harness = NodeHarness.Start(emu.BaseUri, new
        {
            account = Account,
            accountNickName = AccountNick,
            friend = Friend,
            friendNickName = FriendNick,
            incomingText = Incoming,
            replyText = Reply,
            imageName = "conformance.png",
            timeoutMs = 150_000,
            stepTimeoutMs = 30_000,
            handshake = true,
        });

        // The friend logs in on the web too: its wechat4u is the receiving side of the reply, image and revoke.
        var peer = await harness.NextAsync("peer.login", StepTimeout);
        Assert.Equal(world.GetSession(Friend)?.UserName, peer.Get("user").GetProperty("UserName").GetString());
        await harness.ContinueAsync();

        var login = await harness.NextAsync("login", StepTimeout);
        var uuid = login.Str("uuid");
        var pending = Assert.Single(world.ListLogins(), l => l.Uuid == uuid);
        Assert.Equal("consumed", pending.State);
        Assert.Equal(Account, pending.ScannedBy);
        Assert.True(login.Get("scanned").GetBoolean(), "wechat4u saw the 201 scan answer");
        Assert.Equal("scanned", login.Str("scanState"));
        Assert.Equal("confirmed", login.Str("confirmState"));
        var session = world.GetSession(Account) ?? throw new Xunit.Sdk.XunitException("no session for the account after login");
        var user = login.Get("user");
        Assert.Equal(session.UserName, user.GetProperty("UserName").GetString());
        Assert.Equal(AccountNick, user.GetProperty("NickName").GetString());
        Assert.Equal(session.Uin.ToString(System.Globalization.CultureInfo.InvariantCulture), login.Str("uin"));
        Assert.Equal(["login.wx.qq.com", "webpush.wx2.qq.com", "wx2.qq.com"], login.Strings("hosts").Order(StringComparer.Ordinal));
        await harness.ContinueAsync();

        var init = await harness.NextAsync("init", StepTimeout);
        Assert.True(world.GetSession(Account)?.Initialized, "the emulator saw webwxinit");
        Assert.Equal(0, init.Get("ret").GetInt32());
        Assert.Contains(FriendNick, init.Strings("contactListNames"));
        Assert.Matches(@"^1_\d+\|2_\d+", init.Str("formatedSyncKey"));
        await harness.ContinueAsync();

        var contacts = await harness.NextAsync("contacts", StepTimeout);
        var friendName = world.ResolveUserName(Account, Friend).UserName;
        Assert.Equal(friendName, contacts.Get("friend").GetProperty("UserName").GetString());
        Assert.Contains(FriendNick, contacts.Strings("names"));
        Assert.True(contacts.Get("hasFileHelper").GetBoolean());
        // filehelper + the one friend; wechat4u may also have fetched the account itself (webwxbatchgetcontact for the
        // sender of the login's MsgType 51) by then, depending on timing.
        Assert.Equal(1, world.GetUser(Account)!.FriendCount);
        Assert.Equal(["W4U Friend", "文件传输助手"], contacts.Strings("names").Where(n => n != AccountNick).Order(StringComparer.Ordinal));
        await harness.ContinueAsync();

        var receive = await harness.NextAsync("receive", StepTimeout);
        var phoneSend = Assert.Single(world.GetSent(Friend), s => s.MsgId == receive.Str("msgId"));
        Assert.Equal(("phone", Account, Incoming), (phoneSend.Source, phoneSend.To, phoneSend.Content));
        Assert.Equal(friendName, receive.Str("fromUserName"));
        Assert.Equal(Incoming, WebUtility.HtmlDecode(receive.Str("text")));
        Assert.False(receive.Get("isSendBySelf").GetBoolean());
        await harness.ContinueAsync();

        var reply = await harness.NextAsync("reply", StepTimeout);
        var sentReply = Assert.Single(world.GetSent(Account), s => s.MsgId == reply.Str("msgId"));
        Assert.Equal(("web", Friend, friendName, 1, Reply), (sentReply.Source, sentReply.To, sentReply.ToUserName, sentReply.MsgType, sentReply.Content));
        Assert.Equal(reply.Str("localId"), sentReply.ClientMsgId);
        Assert.Equal(reply.Str("msgId"), reply.Str("peerMsgId"));
        Assert.Equal(world.ResolveUserName(Friend, Account).UserName, reply.Str("peerFromUserName"));
        // wechat4u's keepalive (a text to filehelper right after login, then every 5 minutes) was accepted.
        Assert.Contains(world.GetSent(Account), s => s.To == "filehelper" && s.MsgType == 1 && s.Source == "web");
        await harness.ContinueAsync();

        var image = await harness.NextAsync("image", StepTimeout);
        var sentImage = Assert.Single(world.GetSent(Account), s => s.MsgId == image.Str("msgId"));
        Assert.Equal(("web", Friend, 3), (sentImage.Source, sentImage.To, sentImage.MsgType));
        Assert.Equal("file.wx2.qq.com", image.Str("uploadHost"));
        Assert.Equal(3, image.Get("peerMsgType").GetInt32());
        Assert.Equal(image.Get("bytes").GetInt32(), image.Get("peerDownloadBytes").GetInt32());
        Assert.Equal("image/png", image.Str("peerDownloadType"));
        await harness.ContinueAsync();

        var revoke = await harness.NextAsync("revoke", StepTimeout);
        Assert.Equal(0, revoke.Get("ret").GetInt32());
        var recall = Assert.Single(world.GetSent(Account), s => s.MsgType == 10002);
        Assert.Equal(Friend, recall.To);
        Assert.Contains($"<msgid>{image.Str("msgId")}</msgid>", recall.Content, StringComparison.Ordinal);
        Assert.Equal(10002, revoke.Get("peerMsgType").GetInt32());
        Assert.Equal(image.Str("msgId"), revoke.Str("peerRevokedMsgId"));
        await harness.ContinueAsync();

        var logout = await harness.NextAsync("logout", StepTimeout);
        Assert.Null(world.GetSession(Account));
        Assert.DoesNotContain(world.ListSessions(), s => s.Wxid == Account);
        Assert.Equal("1101", logout.Str("syncCheckAfterLogout"));
        Assert.Equal("AlreadyLogoutError", logout.Str("initAfterLogout"));
        Assert.Equal("logout", logout.Str("state"));
        Assert.Empty(logout.Get("errors").EnumerateArray());
        await harness.ContinueAsync();

        var peerLogout = await harness.NextAsync("peer.logout", StepTimeout);
        Assert.Null(world.GetSession(Friend));
        Assert.Empty(peerLogout.Get("errors").EnumerateArray());
        await harness.ContinueAsync();

        await harness.NextAsync("done", StepTimeout);
        Assert.Equal(0, await harness.WaitForExitAsync(StepTimeout));
    }
}
