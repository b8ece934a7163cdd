using OpenWxCluster.TestKit;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.Tests.Support;

namespace OpenWxCluster.Emulator.Tests;

/// <summary>synccheck long-poll, webwxsync delivery and webwxsendmsg between logged-in accounts.</summary>
public sealed class SyncTests
{
    private static readonly string[] MessageFields =
    [
        "MsgId", "FromUserName", "ToUserName", "MsgType", "Content", "Status", "ImgStatus", "CreateTime", "VoiceLength",
        "PlayLength", "FileName", "FileSize", "MediaId", "Url", "AppMsgType", "StatusNotifyCode", "StatusNotifyUserName",
        "RecommendInfo", "ForwardFlag", "AppInfo", "HasProductId", "Ticket", "ImgHeight", "ImgWidth", "SubMsgType", "NewMsgId",
    ];

    [Fact]
    public async Task Login_queues_a_status_notify_listing_recent_chats()
    {
        await using var emu = await TestEmulator.StartAsync();
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");

        Assert.Equal(("0", "2"), await alice.SyncCheckAsync());
        var notify = Assert.Single(await alice.DrainMessagesAsync());

        Assert.Equal(51, notify.GetProperty("MsgType").GetInt32());
        Assert.Equal(4, notify.GetProperty("StatusNotifyCode").GetInt32());
        Assert.Equal(alice.UserName, notify.GetProperty("FromUserName").GetString());
        var groupName = (await emu.Control.ResolveUserNameAsync("wxid_alice", "grp_team")).UserName;
        Assert.Contains(groupName, notify.GetProperty("StatusNotifyUserName").GetString()!.Split(','));
    }

    [Fact]
    public async Task Synccheck_hangs_until_a_message_arrives_and_webwxsync_returns_it_with_wire_fields()
    {
        await using var emu = await TestEmulator.StartAsync(TestEmulator.Fast with { SyncCheckHold = TimeSpan.FromSeconds(20) });
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        await alice.DrainMessagesAsync();

        var check = alice.SyncCheckAsync();
        await emu.Host.World.WaitForHeldSyncCheckAsync("wxid_alice");
        Assert.False(check.IsCompleted, "synccheck must hold while nothing is pending");
        var before = DateTimeOffset.UtcNow;
        var injected = await emu.Control.SendMessageAsync("wxid_bob", "wxid_alice", "hi <b> & co\nline 2");
        Assert.Equal(["wxid_alice"], injected.DeliveredTo);
        Assert.InRange(injected.QueuedAt!.Value, before, DateTimeOffset.UtcNow);
        Assert.Equal(("0", "2"), await check);

        var keyBefore = alice.SyncKey.GetRawText();
        var sync = await alice.SyncAsync();
        Assert.Equal(0, sync.GetProperty("BaseResponse").GetProperty("Ret").GetInt32());
        Assert.Equal(1, sync.GetProperty("AddMsgCount").GetInt32());
        var message = Assert.Single(sync.GetProperty("AddMsgList").EnumerateArray());
        foreach (var field in MessageFields)
        {
            Assert.True(message.TryGetProperty(field, out _), $"AddMsgList entry lacks {field}");
        }

        var bobName = (await emu.Control.ResolveUserNameAsync("wxid_alice", "wxid_bob")).UserName;
        Assert.Equal(injected.MsgId, message.GetProperty("MsgId").GetString());
        Assert.Equal(bobName, message.GetProperty("FromUserName").GetString());
        Assert.Equal(alice.UserName, message.GetProperty("ToUserName").GetString());
        Assert.Equal(1, message.GetProperty("MsgType").GetInt32());
        Assert.Equal("hi &lt;b&gt; &amp; co<br/>line 2", message.GetProperty("Content").GetString());
        Assert.Equal(injected.CreateTime, message.GetProperty("CreateTime").GetInt64());
        Assert.Equal(0, sync.GetProperty("ContinueFlag").GetInt32());
        Assert.Equal(alice.Skey, sync.GetProperty("SKey").GetString());
        Assert.NotEqual(keyBefore, alice.SyncKey.GetRawText());
        Assert.True(sync.GetProperty("SyncCheckKey").GetProperty("Count").GetInt32() > 0);

        // Acknowledged: the next sync is empty and an idle synccheck answers selector 0 when the hold ends.
        Assert.Empty((await alice.SyncAsync()).GetProperty("AddMsgList").EnumerateArray());
        await emu.Control.UpdateSettingsAsync(new SettingsPatch { SyncCheckHoldMs = 200 });
        Assert.Equal(("0", "0"), await alice.SyncCheckAsync());
    }

    [Fact]
    public async Task Sendmsg_is_recorded_and_delivered_to_the_recipients_own_web_session()
    {
        await using var emu = await TestEmulator.StartAsync();
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        var bob = await LoginDriver.LoginAsync(emu, "wxid_bob");
        await alice.DrainMessagesAsync();
        await bob.DrainMessagesAsync();
        var bobInAlice = (await emu.Control.ResolveUserNameAsync("wxid_alice", "wxid_bob")).UserName;
        var aliceInBob = (await emu.Control.ResolveUserNameAsync("wxid_bob", "wxid_alice")).UserName;
        Assert.NotEqual(alice.UserName, aliceInBob);

        var reply = await alice.SendTextAsync(bobInAlice, "ping 1/2", "17000000000001234");

        Assert.Equal(0, reply.GetProperty("BaseResponse").GetProperty("Ret").GetInt32());
        var msgId = reply.GetProperty("MsgID").GetString()!;
        Assert.Matches("^\\d+$", msgId);
        Assert.Equal("17000000000001234", reply.GetProperty("LocalID").GetString());
        var sent = Assert.Single(await emu.Control.GetSentAsync("wxid_alice"));
        Assert.Equal((msgId, "wxid_bob", bobInAlice, "ping 1/2", "web", "17000000000001234"),
            (sent.MsgId, sent.To, sent.ToUserName, sent.Content, sent.Source, sent.ClientMsgId));

        Assert.Equal(("0", "2"), await bob.SyncCheckAsync());
        var received = Assert.Single(await bob.DrainMessagesAsync());
        Assert.Equal(msgId, received.GetProperty("MsgId").GetString());
        Assert.Equal(aliceInBob, received.GetProperty("FromUserName").GetString());
        Assert.Equal(bob.UserName, received.GetProperty("ToUserName").GetString());
        Assert.Equal("ping 1/2", received.GetProperty("Content").GetString());
    }

    [Fact]
    public async Task A_repeated_ClientMsgId_gets_the_same_MsgID_and_is_delivered_once()
    {
        await using var emu = await TestEmulator.StartAsync();
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        var bob = await LoginDriver.LoginAsync(emu, "wxid_bob");
        await bob.DrainMessagesAsync();
        var bobName = (await emu.Control.ResolveUserNameAsync("wxid_alice", "wxid_bob")).UserName;

        var first = await alice.SendTextAsync(bobName, "once", "17000000000005555");
        var retry = await alice.SendTextAsync(bobName, "once", "17000000000005555");
        var other = await alice.SendTextAsync(bobName, "twice", "17000000000006666");

        Assert.Equal(first.GetProperty("MsgID").GetString(), retry.GetProperty("MsgID").GetString());
        Assert.NotEqual(first.GetProperty("MsgID").GetString(), other.GetProperty("MsgID").GetString());
        Assert.Equal(["once", "twice"], (await emu.Control.GetSentAsync("wxid_alice")).Select(s => s.Content));
        Assert.Equal(["once", "twice"], (await bob.DrainMessagesAsync()).Select(m => m.GetProperty("Content").GetString()));
    }

    [Fact]
    public async Task Group_messages_carry_the_speaker_prefix_and_phone_sends_arrive_from_self()
    {
        await using var emu = await TestEmulator.StartAsync();
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        var bob = await LoginDriver.LoginAsync(emu, "wxid_bob");
        await alice.DrainMessagesAsync();
        await bob.DrainMessagesAsync();
        var groupInAlice = (await emu.Control.ResolveUserNameAsync("wxid_alice", "grp_team")).UserName;
        var carolInAlice = (await emu.Control.ResolveUserNameAsync("wxid_alice", "wxid_carol")).UserName;

        await emu.Control.SendMessageAsync("wxid_carol", "grp_team", "hello team");
        await emu.Control.SendMessageAsync("wxid_alice", "grp_team", "from my phone");
        var inAlice = await alice.DrainMessagesAsync();

        Assert.Equal(2, inAlice.Count);
        Assert.Equal(groupInAlice, inAlice[0].GetProperty("FromUserName").GetString());
        Assert.Equal(alice.UserName, inAlice[0].GetProperty("ToUserName").GetString());
        Assert.Equal($"{carolInAlice}:<br/>hello team", inAlice[0].GetProperty("Content").GetString());
        Assert.Equal(alice.UserName, inAlice[1].GetProperty("FromUserName").GetString());
        Assert.Equal(groupInAlice, inAlice[1].GetProperty("ToUserName").GetString());
        Assert.Equal("from my phone", inAlice[1].GetProperty("Content").GetString());

        // A web send to the group reaches the other logged-in member with alice as the speaker.
        var reply = await alice.SendTextAsync(groupInAlice, "from the web", "17000000000007777");
        Assert.Equal(0, reply.GetProperty("BaseResponse").GetProperty("Ret").GetInt32());
        var inBob = await bob.DrainMessagesAsync();
        var groupInBob = (await emu.Control.ResolveUserNameAsync("wxid_bob", "grp_team")).UserName;
        var aliceInBob = (await emu.Control.ResolveUserNameAsync("wxid_bob", "wxid_alice")).UserName;
        var carolInBob = (await emu.Control.ResolveUserNameAsync("wxid_bob", "wxid_carol")).UserName;
        Assert.Equal(
            [$"{carolInBob}:<br/>hello team", $"{aliceInBob}:<br/>from my phone", $"{aliceInBob}:<br/>from the web"],
            inBob.Select(m => m.GetProperty("Content").GetString()));
        Assert.All(inBob, m => Assert.Equal(groupInBob, m.GetProperty("FromUserName").GetString()));
    }

    [Fact]
    public async Task A_phone_send_to_a_friend_reaches_both_sides_with_the_right_direction()
    {
        await using var emu = await TestEmulator.StartAsync();
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        var bob = await LoginDriver.LoginAsync(emu, "wxid_bob");
        await alice.DrainMessagesAsync();
        await bob.DrainMessagesAsync();

        var result = await emu.Control.SendMessageAsync("wxid_alice", "wxid_bob", "sent on the phone");

        Assert.Equal(["wxid_bob", "wxid_alice"], result.DeliveredTo);
        var own = Assert.Single(await alice.DrainMessagesAsync());
        Assert.Equal(alice.UserName, own.GetProperty("FromUserName").GetString());
        Assert.Equal((await emu.Control.ResolveUserNameAsync("wxid_alice", "wxid_bob")).UserName, own.GetProperty("ToUserName").GetString());
        var theirs = Assert.Single(await bob.DrainMessagesAsync());
        Assert.Equal(bob.UserName, theirs.GetProperty("ToUserName").GetString());
        Assert.Equal("phone", Assert.Single(await emu.Control.GetSentAsync("wxid_alice")).Source);
    }

    [Fact]
    public async Task The_pending_queue_is_bounded_and_large_backlogs_page_with_ContinueFlag()
    {
        await using var emu = await TestEmulator.StartAsync(TestEmulator.Fast with { PendingEventLimit = 5, SyncBatchSize = 2 });
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        await alice.DrainMessagesAsync();
        for (var i = 1; i <= 8; i++)
        {
            await emu.Control.SendMessageAsync("wxid_bob", "wxid_alice", $"m{i}");
        }

        var first = await alice.SyncAsync();
        Assert.Equal(1, first.GetProperty("ContinueFlag").GetInt32());
        Assert.Equal(2, first.GetProperty("AddMsgCount").GetInt32());
        var rest = await alice.DrainMessagesAsync();
        var contents = first.GetProperty("AddMsgList").EnumerateArray().Concat(rest).Select(m => m.GetProperty("Content").GetString());

        Assert.Equal(["m4", "m5", "m6", "m7", "m8"], contents);
    }

    [Fact]
    public async Task A_rate_limited_session_gets_ret_1205_on_send_and_optionally_on_synccheck()
    {
        await using var emu = await TestEmulator.StartAsync();
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        await alice.DrainMessagesAsync();
        var bobName = (await emu.Control.ResolveUserNameAsync("wxid_alice", "wxid_bob")).UserName;

        await emu.Control.RateLimitAsync("wxid_alice", new RateLimitRequest(true, SyncCheck: true));
        var limited = await alice.SendTextAsync(bobName, "blocked", "17000000000000001");
        Assert.Equal(1205, limited.GetProperty("BaseResponse").GetProperty("Ret").GetInt32());
        Assert.Equal(("1205", "0"), await alice.SyncCheckAsync());
        Assert.Empty(await emu.Control.GetSentAsync("wxid_alice"));

        await emu.Control.RateLimitAsync("wxid_alice", new RateLimitRequest(false));
        var ok = await alice.SendTextAsync(bobName, "allowed", "17000000000000002");
        Assert.Equal(0, ok.GetProperty("BaseResponse").GetProperty("Ret").GetInt32());
    }
}
