namespace OpenWxCluster.Grains.UnitTests;

public sealed class SyncTests
{
    [Theory]
    [InlineData(1100, false, OfflineCauses.LoggedOut)]
    [InlineData(1101, false, OfflineCauses.LoggedInElsewhere)]
    [InlineData(1102, false, OfflineCauses.SessionExpired)]
    [InlineData(1205, false, OfflineCauses.RiskControl)]
    [InlineData(1100, true, OfflineCauses.LoggedOut)]
    [InlineData(1102, true, OfflineCauses.SessionExpired)]
    [InlineData(1205, true, OfflineCauses.RiskControl)]
    public void Logout_retcodes_take_the_account_offline_with_their_cause_and_force_a_relogin(int code, bool fromSync, string cause)
    {
        var machine = Drive.To(ClientState.Running);
        machine.Repeat(new LoginTrigger.SyncFailed(), 3);

        var effects = machine.Apply(new LoginTrigger.SyncRejected(code, fromSync));

        EffectAssert.Sequence(effects, Fx.Relogin(cause, code));
        Assert.Equal(
            new LoginSnapshot
            {
                State = ClientState.Loading,
                PreviousState = ClientState.Running,
                NextAction = LoginAction.FetchQrCode,
                Relogging = true,
                OfflineCause = cause,
            },
            machine.Snapshot);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Webwxsync_1101_stops_the_client_whatever_stop_with_mobile_says(bool stopWithMobile)
    {
        var machine = Drive.To(ClientState.Running, new LoginOptions { StopWithMobile = stopWithMobile });

        var effects = machine.Apply(Drive.WebSync(1101));

        EffectAssert.Sequence(effects, Fx.StoppedElsewhere);
        Assert.Equal(LoginAction.None, machine.NextAction);
        Assert.False(machine.Snapshot.Relogging);
        Assert.Equal(OfflineCauses.LoggedInElsewhere, machine.Snapshot.OfflineCause);
    }

    [Fact]
    public void Synccheck_1101_with_stop_with_mobile_stops_the_client()
    {
        var machine = Drive.To(ClientState.Running, new LoginOptions { StopWithMobile = true });

        var effects = machine.Apply(Drive.SyncCheck(1101));

        EffectAssert.Sequence(effects, Fx.StoppedElsewhere);
        Assert.Equal(ClientState.Stop, machine.State);
        Assert.Equal(LoginAction.None, machine.NextAction);
    }

    [Theory]
    [InlineData(1100, OfflineCauses.LoggedOut)]
    [InlineData(1102, OfflineCauses.SessionExpired)]
    [InlineData(1205, OfflineCauses.RiskControl)]
    public void Stop_with_mobile_only_changes_synccheck_1101(int code, string cause)
    {
        var machine = Drive.To(ClientState.Running, new LoginOptions { StopWithMobile = true });

        var effects = machine.Apply(Drive.SyncCheck(code));

        EffectAssert.Sequence(effects, Fx.Relogin(cause, code));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(10)]
    public void Other_synccheck_retcodes_relogin_after_more_than_max_sync_errors_in_a_row(int maxSyncErrors)
    {
        var machine = Drive.To(ClientState.Running, new LoginOptions { MaxSyncErrors = maxSyncErrors });

        for (var i = 1; i <= maxSyncErrors; i++)
        {
            EffectAssert.None(machine.Apply(Drive.SyncCheck(i % 2 == 0 ? 2 : 1)));
            Assert.Equal(i, machine.Snapshot.SyncErrors);
            Assert.Equal(ClientState.Running, machine.State);
            Assert.Equal(LoginAction.Sync, machine.NextAction);
            Assert.Null(machine.Snapshot.OfflineCause);
        }
        var effects = machine.Apply(Drive.SyncCheck(7));

        EffectAssert.Sequence(effects, Fx.Relogin(OfflineCauses.SyncErrors, 7));
        Assert.Equal(LoginAction.FetchQrCode, machine.NextAction);
        Assert.True(machine.Snapshot.Relogging);
        Assert.Equal(0, machine.Snapshot.SyncErrors);
        Assert.Equal(OfflineCauses.SyncErrors, machine.Snapshot.OfflineCause);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(9999)]
    public void Other_webwxsync_ret_values_are_counted_but_never_relogin(int ret)
    {
        var options = new LoginOptions { MaxSyncErrors = 3 };
        var machine = Drive.To(ClientState.Running, options);

        var all = machine.Repeat(Drive.WebSync(ret), 10);

        Assert.All(all, EffectAssert.None);
        Assert.Equal(ClientState.Running, machine.State);
        Assert.Equal(LoginAction.Sync, machine.NextAction);
        Assert.Equal(10, machine.Snapshot.SyncErrors);
        Assert.False(machine.Snapshot.Relogging);
        Assert.Null(machine.Snapshot.OfflineCause);
    }

    [Fact]
    public void Sync_succeeded_resets_the_error_count()
    {
        var machine = Drive.To(ClientState.Running);
        machine.Repeat(Drive.SyncCheck(1), 10);

        var reset = machine.Apply(new LoginTrigger.SyncSucceeded());
        var tenMore = machine.Repeat(Drive.SyncCheck(1), 10);

        EffectAssert.None(reset);
        Assert.All(tenMore, EffectAssert.None);
        Assert.Equal(10, machine.Snapshot.SyncErrors);
        EffectAssert.Sequence(machine.Apply(Drive.SyncCheck(1)), Fx.Relogin(OfflineCauses.SyncErrors, 1));
    }

    [Fact]
    public void Sync_succeeded_without_errors_changes_nothing()
    {
        var machine = Drive.To(ClientState.Running);
        var before = machine.Snapshot;

        var effects = machine.Apply(new LoginTrigger.SyncSucceeded());

        EffectAssert.None(effects);
        Assert.Equal(before, machine.Snapshot);
    }

    [Fact]
    public void Transport_failures_are_counted_and_only_the_first_takes_the_account_offline()
    {
        var machine = Drive.To(ClientState.Running);

        var all = machine.Repeat(new LoginTrigger.SyncFailed(), 25);

        EffectAssert.Sequence(all[0], Fx.Offline(OfflineCauses.Transport, 0));
        Assert.All(all.Skip(1), EffectAssert.None);
        Assert.Equal(25, machine.Snapshot.SyncErrors);
        Assert.Equal(ClientState.Running, machine.State);
        Assert.Equal(LoginAction.Sync, machine.NextAction);
        Assert.Equal(OfflineCauses.Transport, machine.Snapshot.OfflineCause);
    }

    [Fact]
    public void The_first_sync_after_a_transport_outage_brings_the_account_online_once()
    {
        var machine = Drive.To(ClientState.Running);
        machine.Repeat(new LoginTrigger.SyncFailed(), 3);

        var back = machine.Apply(new LoginTrigger.SyncSucceeded());
        var later = machine.Repeat(new LoginTrigger.SyncSucceeded(), 3);

        EffectAssert.Sequence(back, Fx.Online);
        Assert.All(later, EffectAssert.None);
        Assert.Equal(0, machine.Snapshot.SyncErrors);
        Assert.Null(machine.Snapshot.OfflineCause);
        Assert.Equal(ClientState.Running, machine.State);
    }

    [Fact]
    public void A_new_outage_after_coming_back_online_is_reported_again()
    {
        var machine = Drive.To(ClientState.Running);
        machine.Run(new LoginTrigger.SyncFailed(), new LoginTrigger.SyncSucceeded());

        var again = machine.Repeat(new LoginTrigger.SyncFailed(), 2);
        var back = machine.Apply(new LoginTrigger.SyncSucceeded());

        EffectAssert.Sequence(again[0], Fx.Offline(OfflineCauses.Transport, 0));
        EffectAssert.None(again[1]);
        EffectAssert.Sequence(back, Fx.Online);
    }

    [Fact]
    public void Unknown_retcodes_do_not_count_as_an_outage()
    {
        var machine = Drive.To(ClientState.Running);

        var effects = machine.Run(Drive.SyncCheck(3), Drive.WebSync(-1), new LoginTrigger.SyncSucceeded());

        EffectAssert.None(effects);
        Assert.Null(machine.Snapshot.OfflineCause);
    }

    [Fact]
    public void A_logout_during_a_transport_outage_reports_the_new_cause()
    {
        var machine = Drive.To(ClientState.Running);
        machine.Apply(new LoginTrigger.SyncFailed());

        var effects = machine.Apply(Drive.SyncCheck(1100));

        EffectAssert.Sequence(effects, Fx.Relogin(OfflineCauses.LoggedOut, 1100));
        Assert.Equal(OfflineCauses.LoggedOut, machine.Snapshot.OfflineCause);
    }
}
