namespace OpenWxCluster.Grains.UnitTests;

public sealed class SyncTests
{
    private static readonly LoginEffect[] ReloginEffects =
        [Fx.Logout, Fx.Clear, Fx.Changed(ClientState.Running, ClientState.Loading)];

    private static readonly LoginEffect[] StopEffects =
        [Fx.Logout, Fx.Clear, Fx.Changed(ClientState.Running, ClientState.Stop), Fx.Stopped];

    [Theory]
    [InlineData(1100, false)]
    [InlineData(1101, false)]
    [InlineData(1102, false)]
    [InlineData(1205, false)]
    [InlineData(1100, true)]
    [InlineData(1102, true)]
    [InlineData(1205, true)]
    public void Logout_retcodes_force_a_relogin(int code, bool fromSync)
    {
        var machine = Drive.To(ClientState.Running);
        machine.Repeat(new LoginTrigger.SyncFailed(), 3);

        var effects = machine.Apply(new LoginTrigger.SyncRejected(code, fromSync));

        EffectAssert.Sequence(effects, ReloginEffects);
        Assert.Equal(
            new LoginSnapshot
            {
                State = ClientState.Loading,
                PreviousState = ClientState.Running,
                NextAction = LoginAction.FetchQrCode,
                Relogging = true,
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

        EffectAssert.Sequence(effects, StopEffects);
        Assert.Equal(LoginAction.None, machine.NextAction);
        Assert.False(machine.Snapshot.Relogging);
    }

    [Fact]
    public void Synccheck_1101_with_stop_with_mobile_stops_the_client()
    {
        var machine = Drive.To(ClientState.Running, new LoginOptions { StopWithMobile = true });

        var effects = machine.Apply(Drive.SyncCheck(1101));

        EffectAssert.Sequence(effects, StopEffects);
        Assert.Equal(ClientState.Stop, machine.State);
        Assert.Equal(LoginAction.None, machine.NextAction);
    }

    [Theory]
    [InlineData(1100)]
    [InlineData(1102)]
    [InlineData(1205)]
    public void Stop_with_mobile_only_changes_synccheck_1101(int code)
    {
        var machine = Drive.To(ClientState.Running, new LoginOptions { StopWithMobile = true });

        var effects = machine.Apply(Drive.SyncCheck(code));

        EffectAssert.Sequence(effects, ReloginEffects);
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
        }
        var effects = machine.Apply(Drive.SyncCheck(1));

        EffectAssert.Sequence(effects, ReloginEffects);
        Assert.Equal(LoginAction.FetchQrCode, machine.NextAction);
        Assert.True(machine.Snapshot.Relogging);
        Assert.Equal(0, machine.Snapshot.SyncErrors);
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
        EffectAssert.Sequence(machine.Apply(Drive.SyncCheck(1)), ReloginEffects);
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
    public void Sync_failed_is_counted_without_a_state_change()
    {
        var machine = Drive.To(ClientState.Running);

        var all = machine.Repeat(new LoginTrigger.SyncFailed(), 25);

        Assert.All(all, EffectAssert.None);
        Assert.Equal(25, machine.Snapshot.SyncErrors);
        Assert.Equal(ClientState.Running, machine.State);
        Assert.Equal(LoginAction.Sync, machine.NextAction);
        EffectAssert.None(machine.Apply(new LoginTrigger.SyncSucceeded()));
        Assert.Equal(0, machine.Snapshot.SyncErrors);
    }
}
