using OpenWxCluster.Emulator;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// Account grain mechanisms that need their own emulator (emulator-wide faults and timings) or their own account
/// options: sync error limit, QR exhaustion, a failed init, and the watchdog reminder. One cluster per test.
/// </summary>
public sealed class IsolatedAccountTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Repeated_unknown_synccheck_retcodes_past_the_limit_force_a_logout_and_a_relogin()
    {
        await using var run = await IsolatedRun.StartAsync(sync: o => o.MaxSyncErrors = 3);
        var world = run.Fixture.Emulator.World;
        world.CreateAccountWithFriend("errs", "ErrsPal");
        await run.Api.LoginAsync(world, "errs", "errs_bot");
        var logins = world.ListLogins().Count;

        world.SetFault(new FaultRequest { Mode = "retcode", RetCode = 7, PathContains = "/synccheck" });
        await world.WaitForSessionAsync("errs_bot", s => s.LoggedOut, Wait, "logout after too many sync errors");
        await run.Api.WaitForStateAsync("errs", "scaning");
        Assert.Equal(logins + 1, world.ListLogins().Count); // a new QR login started
    }

    [Fact]
    public async Task An_account_whose_qr_codes_all_expire_stops_after_the_configured_count()
    {
        var emulator = new EmulatorOptions { LoginPollHold = TimeSpan.FromMilliseconds(50), SyncCheckHold = TimeSpan.FromSeconds(5) };
        await using var run = await IsolatedRun.StartAsync(emulator, o =>
        {
            o.PollsPerQrCode = 2;
            o.MaxQrCodeCount = 3;
        });
        await run.Api.GetAsync("start_client", ("client", "noscan"));

        var account = run.Fixture.Cluster.Client.GetGrain<IWxAccountGrain>(AccountKey.WeChatClient("noscan"));
        var status = await Eventually.ValueAsync(account.GetStatusAsync, s => s.State == ClientState.Stop, Wait, "state stop");
        Assert.Equal(3, status.QrCodeCount);
        Assert.Equal(3, run.Fixture.Emulator.World.ListLogins().Count); // three QR codes shown, none more
        // A stopped client is gone for Mojo's controller.
        var check = await run.Api.GetAsync("check_client", ("client", "noscan"));
        Assert.Equal(1, check.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_failed_init_after_the_scan_logs_out_and_starts_over_with_a_new_qr()
    {
        await using var run = await IsolatedRun.StartAsync();
        var world = run.Fixture.Emulator.World;
        world.CreateAccountWithFriend("badinit", "BadInitPal");
        await run.Api.GetAsync("start_client", ("client", "badinit"));
        var firstQr = await run.Api.WaitForNewQrAsync("badinit", previous: null);

        world.SetFault(new FaultRequest { Mode = "error", PathContains = "webwxinit", Count = 1 });
        var pending = world.ScanImage(firstQr, "badinit_bot");
        world.Confirm(pending.Uuid);
        var secondQr = await run.Api.WaitForNewQrAsync("badinit", firstQr);
        // The session that newloginpage created was given back upstream.
        Assert.True(world.GetLatestSession("badinit_bot")!.LoggedOut, "the half-made session was not logged out");

        await run.Api.ScanAndConfirmAsync(world, "badinit", "badinit_bot", secondQr);
        Assert.True(world.GetSession("badinit_bot")!.Initialized);
    }

    [Fact]
    public async Task The_watchdog_reminder_brings_back_a_deactivated_running_account_without_any_call()
    {
        await using var run = await IsolatedRun.StartAsync(sync: o => o.WatchdogPeriod = TimeSpan.FromSeconds(2));
        var world = run.Fixture.Emulator.World;
        world.CreateAccountWithFriend("dog", "DogPal");
        await run.Api.LoginAsync(world, "dog", "dog_bot");
        await world.WaitForHeldSyncCheckAsync("dog_bot", Wait);

        // Deactivation stops the pump; nothing calls the account afterwards, so only the reminder can revive it.
        var account = run.Fixture.Cluster.Client.GetGrain<IWxAccountGrain>(AccountKey.WeChatClient("dog"));
        await run.Fixture.Cluster.DeactivateAsync(account);
        // Sent after the deactivation: only a new activation can sync it and confirm it upstream.
        world.SendText("dog_pal", "dog_bot", "anyone there?");
        await world.WaitUntilAcknowledgedAsync("dog_bot", Wait);
    }
}
