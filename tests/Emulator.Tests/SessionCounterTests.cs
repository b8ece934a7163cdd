using OpenWxCluster.TestKit;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.Tests.Support;

namespace OpenWxCluster.Emulator.Tests;

/// <summary>
/// The session counters other tests wait on (synccheck held, acked seq, webwxsync count, logout), checked against a
/// real client over HTTP and read through the control API.
/// </summary>
public sealed class SessionCounterTests
{
    private static EmulatorOptions LongHold => TestEmulator.Fast with { SyncCheckHold = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task A_synccheck_is_counted_and_reported_held_while_it_hangs_and_not_after_it_answers()
    {
        await using var emu = await TestEmulator.StartAsync(LongHold);
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        await alice.DrainMessagesAsync();
        var idle = await emu.Control.GetSessionAsync("wxid_alice");
        Assert.Equal((0L, 0, (DateTimeOffset?)null), (idle.SyncChecks, idle.HangingSyncChecks, idle.LastSyncCheckAt));

        var check = alice.SyncCheckAsync();
        await emu.Host.World.WaitForHeldSyncCheckAsync("wxid_alice");
        var held = await emu.Control.GetSessionAsync("wxid_alice");
        Assert.False(check.IsCompleted, "nothing is pending, so the synccheck must still be held");
        Assert.Equal((1L, 1), (held.SyncChecks, held.HangingSyncChecks));
        Assert.NotNull(held.LastSyncCheckAt);

        await emu.Control.SendMessageAsync("wxid_bob", "wxid_alice", "wake up");
        Assert.Equal(("0", "2"), await check);
        var answered = await emu.Control.GetSessionAsync("wxid_alice");
        Assert.Equal((1L, 0), (answered.SyncChecks, answered.HangingSyncChecks));

        // The message is not confirmed yet, so the next synccheck answers at once: counted, and not left held.
        Assert.Equal(("0", "2"), await alice.SyncCheckAsync());
        var again = await emu.Control.GetSessionAsync("wxid_alice");
        Assert.Equal((2L, 0), (again.SyncChecks, again.HangingSyncChecks));
        Assert.True(again.LastSyncCheckAt >= held.LastSyncCheckAt);
    }

    [Fact]
    public async Task A_synccheck_the_client_gives_up_is_no_longer_held()
    {
        await using var emu = await TestEmulator.StartAsync(LongHold);
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        await alice.DrainMessagesAsync();
        using var cancel = new CancellationTokenSource();

        var check = alice.SyncCheckAsync(cancel.Token);
        await emu.Host.World.WaitForHeldSyncCheckAsync("wxid_alice");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => check);

        // Well before the 30 s hold ends: the abort itself releases it.
        var released = await emu.Host.World.WaitForSessionAsync("wxid_alice", s => s.HangingSyncChecks == 0, "no held synccheck");
        Assert.Equal(1L, released.SyncChecks);
    }

    [Fact]
    public async Task AckedSeq_follows_the_presented_key_never_goes_back_and_Syncs_counts_webwxsync()
    {
        await using var emu = await TestEmulator.StartAsync(LongHold);
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        var initKey = alice.SyncKey;
        var login = await emu.Control.GetSessionAsync("wxid_alice");
        Assert.True(login.LastSeq > 0, "login queues a status notify");
        Assert.Equal((0L, 0L), (login.AckedSeq, login.Syncs));

        // webwxsync presents the init key (seq 0) and is handed a key for everything queued so far.
        Assert.Equal(0L, WebSession.Val(initKey, 2));
        await alice.SyncAsync();
        Assert.Equal((0L, 1L), Counters(await emu.Control.GetSessionAsync("wxid_alice")));
        Assert.Equal(login.LastSeq, WebSession.Val(alice.SyncKey, 2));

        // synccheck presents the SyncCheckKey (key 11 is that seq): acknowledged before any webwxsync presents it.
        var check = alice.SyncCheckAsync();
        var held = await emu.Host.World.WaitForHeldSyncCheckAsync("wxid_alice");
        Assert.Equal((login.LastSeq, 1L), Counters(held));
        await emu.Control.SendMessageAsync("wxid_bob", "wxid_alice", "one more");
        Assert.Equal(("0", "2"), await check);

        // The next webwxsync fetches the message with the older key, the one after it confirms the message.
        Assert.Single((await alice.SyncAsync()).GetProperty("AddMsgList").EnumerateArray());
        Assert.Equal((login.LastSeq, 2L), Counters(await emu.Control.GetSessionAsync("wxid_alice")));
        await alice.SyncAsync();
        var caughtUp = await emu.Control.GetSessionAsync("wxid_alice");
        Assert.Equal(login.LastSeq + 1, caughtUp.LastSeq);
        Assert.Equal((caughtUp.LastSeq, 3L), Counters(caughtUp));

        // A stale key (a client resuming from old state) is still valid, but lowers the ack on neither request.
        alice.SyncKey = initKey;
        Assert.Equal(0, (await alice.SyncAsync()).GetProperty("BaseResponse").GetProperty("Ret").GetInt32());
        Assert.Equal((caughtUp.LastSeq, 4L), Counters(await emu.Control.GetSessionAsync("wxid_alice")));
        (alice.SyncKey, alice.SyncCheckKey) = (initKey, null);
        using var cancel = new CancellationTokenSource();
        var stale = alice.SyncCheckAsync(cancel.Token);
        var staleHeld = await emu.Host.World.WaitForHeldSyncCheckAsync("wxid_alice");
        Assert.Equal((2L, caughtUp.LastSeq), (staleHeld.SyncChecks, staleHeld.AckedSeq));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stale);
    }

    [Fact]
    public async Task After_webwxlogout_only_GetLatestSession_finds_the_session_and_it_is_marked_LoggedOut()
    {
        await using var emu = await TestEmulator.StartAsync();
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        await alice.SyncAsync();
        Assert.False((await emu.Control.GetSessionAsync("wxid_alice")).LoggedOut);
        Assert.False((await emu.Control.GetLatestSessionAsync("wxid_alice")).LoggedOut);

        await alice.LogoutAsync();

        Assert.Null(emu.Host.World.GetSession("wxid_alice"));
        var missing = await Assert.ThrowsAsync<EmulatorControlException>(() => emu.Control.GetSessionAsync("wxid_alice"));
        Assert.Equal(404, missing.StatusCode);
        var ended = await emu.Control.GetLatestSessionAsync("wxid_alice");
        Assert.True(ended.LoggedOut);
        Assert.Equal((alice.UserName, 1L), (ended.UserName, ended.Syncs));
    }

    [Fact]
    public async Task GetLatestSession_tells_an_invalidated_session_from_a_logout_and_follows_a_new_login()
    {
        await using var emu = await TestEmulator.StartAsync();
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var first = await LoginDriver.LoginAsync(emu, "wxid_alice");

        await emu.Control.InvalidateSessionAsync("wxid_alice", 1101);
        Assert.Null(emu.Host.World.GetSession("wxid_alice"));
        var invalidated = await emu.Control.GetLatestSessionAsync("wxid_alice");
        Assert.Equal((first.UserName, 1101, false), (invalidated.UserName, invalidated.InvalidRetCode, invalidated.LoggedOut));

        var second = await LoginDriver.LoginAsync(emu, "wxid_alice");
        var latest = await emu.Control.GetLatestSessionAsync("wxid_alice");
        Assert.Equal((second.UserName, 0, false), (latest.UserName, latest.InvalidRetCode, latest.LoggedOut));
        Assert.Equal(latest, await emu.Control.GetSessionAsync("wxid_alice"));
    }

    private static (long AckedSeq, long Syncs) Counters(SessionInfo s) => (s.AckedSeq, s.Syncs);
}
