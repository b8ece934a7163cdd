namespace OpenWxCluster.Grains.UnitTests;

public sealed class ReloginTests
{
    [Theory]
    [InlineData(1100, false)]
    [InlineData(1101, false)]
    [InlineData(1102, false)]
    [InlineData(1205, false)]
    [InlineData(1205, true)]
    public void A_relogin_needs_a_new_scan_and_then_emits_relogin(int code, bool fromSync)
    {
        var machine = Drive.To(ClientState.Running);
        machine.Apply(new LoginTrigger.SyncRejected(code, fromSync));

        var fetched = machine.Apply(new LoginTrigger.QrCodeFetched());
        var scanned = machine.Apply(Drive.Poll(201));
        var confirmed = machine.Apply(Drive.Poll(200));
        var updated = machine.Apply(new LoginTrigger.UpdateSucceeded());

        EffectAssert.Sequence(fetched, Fx.Changed(ClientState.Loading, ClientState.Scaning));
        EffectAssert.Sequence(scanned, Fx.Changed(ClientState.Scaning, ClientState.Confirming));
        EffectAssert.Sequence(confirmed, Fx.Changed(ClientState.Confirming, ClientState.Updating));
        EffectAssert.Sequence(updated, Fx.Changed(ClientState.Updating, ClientState.Running), Fx.LoggedIn, Fx.Relogged);
        Assert.Equal(
            new LoginSnapshot { State = ClientState.Running, PreviousState = ClientState.Updating, NextAction = LoginAction.Sync },
            machine.Snapshot);
    }

    [Fact]
    public void A_relogin_resets_every_persisted_counter()
    {
        var machine = Drive.FromSnapshot(new LoginSnapshot
        {
            State = ClientState.Running,
            PreviousState = ClientState.Updating,
            NextAction = LoginAction.Sync,
            Consecutive408 = 2,
            QrCodeCount = 9,
            SyncErrors = 5,
        });

        var effects = machine.Apply(Drive.SyncCheck(1100));

        EffectAssert.Sequence(effects, Fx.Relogin(OfflineCauses.LoggedOut, 1100));
        Assert.Equal(
            new LoginSnapshot
            {
                State = ClientState.Loading,
                PreviousState = ClientState.Running,
                NextAction = LoginAction.FetchQrCode,
                Relogging = true,
                OfflineCause = OfflineCauses.LoggedOut,
            },
            machine.Snapshot);
    }

    [Fact]
    public void The_offline_cause_stays_while_the_relogin_waits_for_a_scan_and_goes_with_the_login()
    {
        var machine = Drive.To(ClientState.Running);
        machine.Apply(Drive.SyncCheck(1205));

        machine.Run(new LoginTrigger.QrCodeFetched(), Drive.Poll(201), Drive.Poll(200));
        var waiting = machine.Snapshot.OfflineCause;
        var loggedIn = machine.Apply(new LoginTrigger.UpdateSucceeded());

        Assert.Equal(OfflineCauses.RiskControl, waiting);
        Assert.Null(machine.Snapshot.OfflineCause);
        // Back through a login, announced by login/relogin: no online event.
        EffectAssert.Sequence(loggedIn, Fx.Changed(ClientState.Updating, ClientState.Running), Fx.LoggedIn, Fx.Relogged);
    }

    [Fact]
    public void A_relogin_that_gives_up_keeps_the_cause_until_the_next_start()
    {
        var machine = Drive.To(ClientState.Running, new LoginOptions { PollsPerQrCode = 1, MaxQrCodeCount = 1 });
        machine.Run(Drive.SyncCheck(1102), new LoginTrigger.QrCodeFetched(), Drive.Poll(408));
        Assert.Equal(ClientState.Stop, machine.State);
        var stopped = machine.Snapshot.OfflineCause;

        machine.Apply(new LoginTrigger.Start());

        Assert.Equal(OfflineCauses.SessionExpired, stopped);
        Assert.Null(machine.Snapshot.OfflineCause);
    }

    [Fact]
    public void A_relogin_forced_by_repeated_synccheck_errors_also_emits_relogin()
    {
        var machine = Drive.To(ClientState.Running, new LoginOptions { MaxSyncErrors = 2 });
        machine.Repeat(Drive.SyncCheck(3), 3);
        Assert.Equal(ClientState.Loading, machine.State);

        var effects = machine.Run(Drive.ScanAndLogin());

        EffectAssert.Sequence(effects, Fx.Changed(ClientState.Updating, ClientState.Running), Fx.LoggedIn, Fx.Relogged);
    }

    [Fact]
    public void Relogin_is_emitted_once_only()
    {
        var machine = Drive.To(ClientState.Running);
        machine.Apply(Drive.SyncCheck(1101));
        machine.Run(Drive.ScanAndLogin());
        machine.Apply(new LoginTrigger.Stop());
        machine.Apply(new LoginTrigger.Start());

        var effects = machine.Run(Drive.ScanAndLogin());

        EffectAssert.Sequence(effects, Fx.Changed(ClientState.Updating, ClientState.Running), Fx.LoggedIn);
    }

    [Fact]
    public void A_relogin_that_is_never_scanned_gives_up_at_the_max_qr_code_count()
    {
        var machine = Drive.To(ClientState.Running, new LoginOptions { PollsPerQrCode = 1, MaxQrCodeCount = 2 });
        machine.Apply(Drive.SyncCheck(1100));
        machine.Apply(new LoginTrigger.QrCodeFetched());

        var first = machine.Apply(Drive.Poll(408));
        machine.Apply(new LoginTrigger.QrCodeFetched());
        var second = machine.Apply(Drive.Poll(408));

        EffectAssert.Sequence(first, Fx.QrExpired);
        EffectAssert.Sequence(second, Fx.QrExpired, Fx.Clear, Fx.Changed(ClientState.Scaning, ClientState.Stop), Fx.Stopped);
        Assert.Equal(LoginAction.None, machine.NextAction);
    }

    [Fact]
    public void The_whole_life_cycle_reports_each_state_change_once_with_old_and_new()
    {
        var machine = Drive.New();
        var changes = new List<LoginEffect>();
        LoginTrigger[] triggers =
        [
            new LoginTrigger.Start(), new LoginTrigger.QrCodeFetched(), Drive.Poll(408), Drive.Poll(201),
            Drive.Poll(200), new LoginTrigger.UpdateSucceeded(), new LoginTrigger.SyncSucceeded(),
            Drive.SyncCheck(1102), .. Drive.ScanAndLogin(), new LoginTrigger.Stop(),
        ];

        foreach (var trigger in triggers)
        {
            changes.AddRange(machine.Apply(trigger).OfType<LoginEffect.StateChanged>());
        }

        EffectAssert.Sequence(
            changes,
            Fx.Changed(ClientState.Init, ClientState.Loading),
            Fx.Changed(ClientState.Loading, ClientState.Scaning),
            Fx.Changed(ClientState.Scaning, ClientState.Confirming),
            Fx.Changed(ClientState.Confirming, ClientState.Updating),
            Fx.Changed(ClientState.Updating, ClientState.Running),
            Fx.Changed(ClientState.Running, ClientState.Loading),
            Fx.Changed(ClientState.Loading, ClientState.Scaning),
            Fx.Changed(ClientState.Scaning, ClientState.Confirming),
            Fx.Changed(ClientState.Confirming, ClientState.Updating),
            Fx.Changed(ClientState.Updating, ClientState.Running),
            Fx.Changed(ClientState.Running, ClientState.Stop));
    }
}
