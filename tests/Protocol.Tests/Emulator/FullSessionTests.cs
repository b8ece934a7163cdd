using OpenWxCluster.TestKit;
using OpenWxCluster.Emulator;
using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Protocol.Tests.Emulator;

/// <summary>The driver against the emulator over loopback: one account from QR to logout.</summary>
public sealed class FullSessionTests
{
    [Fact]
    public async Task Login_contacts_sync_send_and_logout()
    {
        await using var emu = await EmulatorHarness.StartAsync(new EmulatorOptions
        {
            LoginPollHold = TimeSpan.FromMilliseconds(200),
            SyncCheckHold = TimeSpan.FromSeconds(20),
            ContactPageSize = 3,
        });
        var bob = emu.User("bob");
        var carol = emu.User("carol");
        var alice = emu.World.CreateUser(new CreateUserRequest
        {
            Wxid = "wxid_alice", NickName = "Alice", Friends = [bob.Wxid, carol.Wxid], GeneratedFriends = 6,
        });
        var group = emu.World.CreateGroup(new CreateGroupRequest { GroupId = "grp_team", Name = "Team", Owner = alice.Wxid, Members = [bob.Wxid, carol.Wxid] });
        var driver = emu.Driver;

        // QR login: 408 before the scan, 201 after it, 200 with a redirect to the account domain once confirmed.
        var uuid = await driver.GetUuidAsync();
        var qr = await driver.GetQrCodeAsync(uuid);
        Assert.Equal(LoginPollResult.Waiting, (await driver.PollLoginAsync(uuid, scanned: false)).Code);
        emu.World.ScanImage(qr, alice.Wxid);
        Assert.Equal(LoginPollResult.Scanned, (await driver.PollLoginAsync(uuid, scanned: false)).Code);
        emu.World.Confirm(uuid);
        var confirmed = await driver.PollLoginAsync(uuid, scanned: true);
        Assert.Equal(LoginPollResult.Confirmed, confirmed.Code);
        Assert.Equal("wx2.qq.com", new Uri(confirmed.RedirectUri!).Host);

        var session = await driver.NewLoginPageAsync(confirmed.RedirectUri!);
        Assert.Equal("wx2.qq.com", session.Domain);
        Assert.Equal(alice.Uin.ToString(), session.Uin);
        Assert.NotEmpty(session.Sid);
        Assert.NotEmpty(session.Skey);
        Assert.NotEmpty(session.PassTicket);
        Assert.True(session.Cookies.ContainsKey("wxuin"));

        var init = await driver.InitAsync(session);
        Assert.Equal(emu.NameOf(alice.Wxid, alice.Wxid), session.UserName);
        Assert.Equal("Alice", init.User.NickName);
        Assert.True(session.SyncKey.Count > 0);
        await driver.StatusNotifyAsync(session, 3, session.UserName);

        // 8 friends with 3 per page: the Seq paging must be followed.
        var contacts = await driver.GetContactsAsync(session);
        Assert.True(emu.Recorder.Count("/cgi-bin/mmwebwx-bin/webwxgetcontact") >= 3);
        var bobName = emu.NameOf(alice.Wxid, bob.Wxid);
        Assert.Contains(contacts, c => c.UserName == bobName && c.NickName == "bob");
        Assert.True(contacts.Count(c => !c.IsGroup) >= 8);

        // The group comes from init (recent chats / ChatSet), then batchgetcontact fills in its members.
        var groupName = emu.NameOf(alice.Wxid, group.GroupId);
        Assert.True(init.ChatSet.Contains(groupName) || init.ContactList.Any(c => c.UserName == groupName));
        var fetched = Assert.Single(await driver.BatchGetContactsAsync(session, [new WxBatchItem(groupName)]));
        Assert.Equal("Team", fetched.NickName);
        Assert.Equal(3, fetched.MemberList.Count);
        var members = await driver.BatchGetContactsAsync(
            session, [.. fetched.MemberList.Select(m => new WxBatchItem(m.UserName, fetched.EncryChatRoomId))]);
        Assert.Contains(members, m => m.NickName == "carol");

        // Drain whatever login produced, then a synccheck must hang until a message arrives.
        await DrainAsync(driver, session);
        var check = driver.SyncCheckAsync(session);
        await emu.World.WaitForHeldSyncCheckAsync(alice.Wxid);
        Assert.False(check.IsCompleted);
        var sent = emu.World.SendText(bob.Wxid, alice.Wxid, "hi <b> & see /path 😀");
        var woke = await check.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(woke.HasNews);

        var sync = await driver.SyncAsync(session);
        var raw = Assert.Single(sync.AddMsgList, m => m.MsgId == sent.MsgId);
        var message = Assert.IsType<WxMessageItem>(WxMessageParser.Parse(raw, session.UserName)).Message;
        Assert.Equal("friend_message", message.Type);
        Assert.Equal("recv", message.Class);
        Assert.Equal(bobName, message.SenderId);
        Assert.Equal("hi <b> & see /path 😀", message.Content);

        // A group message carries the member prefix.
        var groupSent = emu.World.SendText(carol.Wxid, group.GroupId, "group hello");
        var groupRaw = await NextMessageAsync(driver, session, groupSent.MsgId);
        var groupMessage = Assert.IsType<WxMessageItem>(WxMessageParser.Parse(groupRaw, session.UserName)).Message;
        Assert.Equal("group_message", groupMessage.Type);
        Assert.Equal(groupName, groupMessage.GroupId);
        Assert.Equal(emu.NameOf(alice.Wxid, carol.Wxid), groupMessage.SenderId);
        Assert.Equal("group hello", groupMessage.Content);

        // Sending reaches the emulator's sent log with the content and ids intact.
        var clientMsgId = WxIds.NewClientMsgId();
        var result = await driver.SendTextAsync(session, bobName, "reply / 你好 <ok>", clientMsgId);
        var log = Assert.Single(emu.World.GetSent(alice.Wxid), s => s.Source == "web");
        Assert.Equal(result.MsgId, log.MsgId);
        Assert.Equal(clientMsgId, log.ClientMsgId);
        Assert.Equal(bob.Wxid, log.To);
        Assert.Equal("reply / 你好 <ok>", log.Content);

        await driver.LogoutAsync(session);
        Assert.Empty(session.Cookies);
        Assert.Null(emu.World.GetSession(alice.Wxid));
        Assert.All(emu.Recorder.Seen, s => Assert.NotNull(s.UpstreamHost));
    }

    private static async Task DrainAsync(IWxProtocolDriver driver, WxSession session)
    {
        for (var i = 0; i < 10 && (await driver.SyncAsync(session)).ContinueFlag != 0; i++)
        {
        }
    }

    /// <summary>synccheck + sync until the message with <paramref name="msgId"/> shows up.</summary>
    private static async Task<WxRawMessage> NextMessageAsync(IWxProtocolDriver driver, WxSession session, string msgId)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var check = await driver.SyncCheckAsync(session).WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal(0, check.RetCode);
            var sync = await driver.SyncAsync(session);
            if (sync.AddMsgList.FirstOrDefault(m => m.MsgId == msgId) is { } found)
            {
                return found;
            }
        }

        throw new Xunit.Sdk.XunitException($"message {msgId} never arrived");
    }
}
