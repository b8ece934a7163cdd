using OpenWxCluster.Emulator.Tests.Support;

namespace OpenWxCluster.Emulator.Tests;

/// <summary>
/// SyncKey confirms webwxsync, SyncCheckKey is for synccheck. Confirming with the SyncCheckKey presents a stale key,
/// so the same events come back (the duplicate-message bug Mojo fixed in v1.3.4).
/// </summary>
public sealed class SyncCheckKeyTests
{
    [Fact]
    public async Task Confirming_webwxsync_with_the_SyncCheckKey_redelivers_the_same_message_while_SyncKey_does_not()
    {
        await using var emu = await TestEmulator.StartAsync(TestEmulator.Fast with { SyncCheckHold = TimeSpan.FromMilliseconds(300) });
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        await alice.DrainMessagesAsync();
        var sent = await emu.Control.SendMessageAsync("wxid_bob", "wxid_alice", "once");

        var first = await alice.SyncAsync();
        Assert.Equal(sent.MsgId, Assert.Single(first.GetProperty("AddMsgList").EnumerateArray()).GetProperty("MsgId").GetString());
        var syncKey = alice.SyncKey;
        var checkKey = alice.SyncCheckKey!.Value;
        Assert.NotEqual(WebSession.Val(syncKey, 2), WebSession.Val(checkKey, 2));
        Assert.Equal(WebSession.Val(syncKey, 2), WebSession.Val(checkKey, 11));

        // synccheck with the SyncCheckKey: nothing new, it holds and answers selector 0.
        Assert.Equal(("0", "0"), await alice.SyncCheckAsync());

        // webwxsync confirmed with the SyncCheckKey (wrong key): the message arrives a second time.
        alice.SyncKey = checkKey;
        var duplicate = await alice.SyncAsync();
        Assert.Equal(sent.MsgId, Assert.Single(duplicate.GetProperty("AddMsgList").EnumerateArray()).GetProperty("MsgId").GetString());

        // With the SyncKey of that answer (the right key) it is confirmed and gone.
        var clean = await alice.SyncAsync();
        Assert.Empty(clean.GetProperty("AddMsgList").EnumerateArray());
        Assert.Empty(await alice.DrainMessagesAsync());
    }

    [Fact]
    public async Task Synccheck_with_a_stale_key_reports_the_already_delivered_events_again()
    {
        await using var emu = await TestEmulator.StartAsync(TestEmulator.Fast with { SyncCheckHold = TimeSpan.FromMilliseconds(300) });
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        await alice.DrainMessagesAsync();
        var stale = alice.SyncKey;
        await emu.Control.SendMessageAsync("wxid_bob", "wxid_alice", "hello");
        Assert.Single((await alice.SyncAsync()).GetProperty("AddMsgList").EnumerateArray());

        Assert.Equal(("0", "0"), await alice.SyncCheckAsync());
        alice.SyncCheckKey = null;
        alice.SyncKey = stale;
        Assert.Equal(("0", "2"), await alice.SyncCheckAsync());
    }
}
