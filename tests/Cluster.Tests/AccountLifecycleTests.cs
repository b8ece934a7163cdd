using OpenWxCluster.Emulator.Control;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// The account grain's life cycle against upstream events, checked on the emulator's side: stop, session ends
/// (1100/1101/1102/1205), refused logins, and a reactivation in the middle of a login.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AccountLifecycleTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly OpenWxHttpApi _api = new(fixture.Http);

    [Fact]
    public async Task Stopping_a_running_account_logs_out_upstream_and_ends_its_sync_loop()
    {
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("halt", "HaltPal");
        await _api.LoginAsync(world, "halt", "halt_bot");
        await world.WaitForHeldSyncCheckAsync("halt_bot", Wait);

        var stopped = await _api.GetAsync("stop_client", ("client", "halt"));
        Assert.Equal(0, stopped.GetProperty("code").GetInt32());
        // Stopped clients are gone for Mojo's controller.
        Assert.Equal("client not exists", (await _api.GetAsync("check_client", ("client", "halt"))).GetProperty("status").GetString());

        // The emulator saw webwxlogout, and the held synccheck was abandoned.
        var ended = await world.WaitForSessionAsync("halt_bot", s => s.LoggedOut && s.HangingSyncChecks == 0, Wait, "logout");
        // No synccheck after the stop: 40 pump periods of 50 ms pass without one (a negative needs some time).
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(ended.SyncChecks, world.GetLatestSession("halt_bot")!.SyncChecks);
    }

    [Theory]
    [InlineData(1100)]
    [InlineData(1101)]
    [InlineData(1102)]
    [InlineData(1205)]
    public async Task A_session_ended_upstream_leads_to_a_logout_and_a_relogin_with_a_new_qr(int retCode)
    {
        var world = fixture.Emulator.World;
        var client = $"relogin{retCode}";
        world.CreateUser(new CreateUserRequest { Wxid = client + "_bot", NickName = "Relogin" + retCode });
        var (_, firstQr) = await _api.LoginWithQrAsync(world, client, client + "_bot");
        var before = (await _api.GetAsync("get_user_info", ("client", client))).GetProperty("id").GetString();
        var firstSession = world.GetSession(client + "_bot")!;

        world.InvalidateSession(client + "_bot", retCode);
        var newQr = await _api.WaitForNewQrAsync(client, firstQr);
        Assert.Equal("scaning", await _api.StateAsync(client));
        Assert.NotEqual(Convert.ToHexString(firstQr), Convert.ToHexString(newQr));
        // The ended session was logged out upstream (Mojo logs out before logging in again).
        Assert.True(world.GetLatestSession(client + "_bot")!.LoggedOut, "the old session was not logged out");

        await _api.ScanAndConfirmAsync(world, client, client + "_bot", newQr);
        Assert.True(world.GetSession(client + "_bot")!.LoggedInAt > firstSession.LoggedInAt);
        var after = (await _api.GetAsync("get_user_info", ("client", client))).GetProperty("id").GetString();
        Assert.NotEqual(before, after); // a new web session: every UserName changed
    }

    [Fact]
    public async Task A_login_refused_with_1203_shows_a_new_qr_and_the_reason()
    {
        var world = fixture.Emulator.World;
        world.CreateUser(new CreateUserRequest { Wxid = "refused_bot", NickName = "Refused", WebLoginRefused = true });
        var started = await _api.GetAsync("start_client", ("client", "refused"));
        Assert.Equal(0, started.GetProperty("code").GetInt32());
        var qr = await _api.WaitForNewQrAsync("refused", previous: null);
        var pending = world.ScanImage(qr, "refused_bot");
        await _api.WaitForStateAsync("refused", "confirming");
        world.Confirm(pending.Uuid);

        var entry = await _api.WaitForClientEntryAsync("refused", e =>
            e.GetProperty("state").GetString() == "scaning" && e.GetProperty("qrcode_count").GetInt32() == 1, "a new QR after the refusal", Wait);
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("last_error").GetString()));
        var newQr = await _api.WaitForNewQrAsync("refused", qr);
        Assert.NotEqual(Convert.ToHexString(qr), Convert.ToHexString(newQr));
        await _api.GetAsync("stop_client", ("client", "refused"));
    }

    [Fact]
    public async Task An_account_reactivated_while_waiting_for_a_scan_shows_a_new_qr_that_logs_in()
    {
        var world = fixture.Emulator.World;
        world.CreateUser(new CreateUserRequest { Wxid = "midlogin_bot", NickName = "MidLogin" });
        await _api.GetAsync("start_client", ("client", "midlogin"));
        var lostQr = await _api.WaitForNewQrAsync("midlogin", previous: null);

        // The login uuid lives only in memory: after a reactivation the account must show a new QR, not wait forever.
        var account = fixture.Cluster.Client.GetGrain<IWxAccountGrain>(AccountKey.WeChatClient("midlogin"));
        await fixture.Cluster.DeactivateAsync(account);
        var newQr = await _api.WaitForNewQrAsync("midlogin", lostQr);

        await _api.ScanAndConfirmAsync(world, "midlogin", "midlogin_bot", newQr);
        Assert.NotNull(world.GetSession("midlogin_bot"));
    }
}
