using OpenWxCluster.TestKit;
using OpenWxCluster.Emulator;
using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Protocol.Tests.Emulator;

/// <summary>How sessions are refused or end, as seen through the driver.</summary>
public sealed class SessionEndTests
{
    [Fact]
    public async Task Account_refused_by_web_wechat_gets_1203()
    {
        await using var emu = await EmulatorHarness.StartAsync();
        var user = emu.World.CreateUser(new CreateUserRequest { Wxid = "wxid_refused", NickName = "R", WebLoginRefused = true });
        var uuid = await emu.Driver.GetUuidAsync();
        emu.World.Scan(uuid, user.Wxid);
        emu.World.Confirm(uuid);
        var poll = await emu.Driver.PollLoginAsync(uuid, scanned: true);
        Assert.Equal(LoginPollResult.Confirmed, poll.Code);

        var ex = await Assert.ThrowsAsync<WxLoginRefusedException>(() => emu.Driver.NewLoginPageAsync(poll.RedirectUri!));
        Assert.Equal(1203, ex.Ret);
        Assert.DoesNotContain(uuid, ex.Message);
    }

    [Theory]
    [InlineData(SyncCheckResult.LoggedOut)]
    [InlineData(SyncCheckResult.LoggedInElsewhere)]
    public async Task Invalidated_session_reports_its_retcode_on_synccheck(int retCode)
    {
        await using var emu = await EmulatorHarness.StartAsync(new EmulatorOptions
        {
            LoginPollHold = TimeSpan.FromMilliseconds(200),
            SyncCheckHold = TimeSpan.FromSeconds(20),
        });
        var friend = emu.User("friend");
        var user = emu.User("user", friend.Wxid);
        var session = await emu.LoginAsync(user.Wxid);
        await emu.Driver.SyncAsync(session);

        emu.World.InvalidateSession(user.Wxid, retCode);
        var check = await emu.Driver.SyncCheckAsync(session).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(retCode, check.RetCode);
        Assert.False(check.HasNews);
    }

    [Fact]
    public async Task Hanging_synccheck_is_woken_by_invalidation()
    {
        await using var emu = await EmulatorHarness.StartAsync(new EmulatorOptions
        {
            LoginPollHold = TimeSpan.FromMilliseconds(200),
            SyncCheckHold = TimeSpan.FromSeconds(30),
        });
        var user = emu.User("sleeper");
        var session = await emu.LoginAsync(user.Wxid);
        await emu.Driver.SyncAsync(session);
        var check = emu.Driver.SyncCheckAsync(session);
        await emu.World.WaitForHeldSyncCheckAsync(user.Wxid);
        Assert.False(check.IsCompleted);

        // The end of the 30 s hold would answer the retcode too; only a wake-up answers well within it.
        emu.World.InvalidateSession(user.Wxid, SyncCheckResult.LoggedInElsewhere);
        Assert.Equal(SyncCheckResult.LoggedInElsewhere, (await check.WaitAsync(TimeSpan.FromSeconds(15))).RetCode);
    }

    [Fact]
    public async Task Rate_limited_send_is_a_ret_error_1205()
    {
        await using var emu = await EmulatorHarness.StartAsync();
        var friend = emu.User("limited_friend");
        var user = emu.User("limited", friend.Wxid);
        var session = await emu.LoginAsync(user.Wxid);
        emu.World.RateLimit(user.Wxid, new RateLimitRequest(Enabled: true));

        var ex = await Assert.ThrowsAsync<WxRetException>(() =>
            emu.Driver.SendTextAsync(session, emu.NameOf(user.Wxid, friend.Wxid), "x", WxIds.NewClientMsgId()));
        Assert.Equal(1205, ex.Ret);
    }

    [Fact]
    public async Task After_logout_the_old_session_is_rejected()
    {
        await using var emu = await EmulatorHarness.StartAsync();
        var user = emu.User("leaver");
        var session = await emu.LoginAsync(user.Wxid);
        var copy = new WxSession
        {
            Domain = session.Domain, Uin = session.Uin, Sid = session.Sid, Skey = session.Skey,
            PassTicket = session.PassTicket, UserName = session.UserName, SyncKey = session.SyncKey,
        };
        await emu.Driver.LogoutAsync(session);

        var ex = await Assert.ThrowsAsync<WxRetException>(() => emu.Driver.SyncAsync(copy));
        Assert.NotEqual(0, ex.Ret);
    }
}
