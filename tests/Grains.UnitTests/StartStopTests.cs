namespace OpenWxCluster.Grains.UnitTests;

public sealed class StartStopTests
{
    [Fact]
    public void Options_have_mojo_defaults()
    {
        var options = new LoginOptions();

        Assert.Equal(5, options.PollsPerQrCode);
        Assert.Equal(10, options.MaxQrCodeCount);
        Assert.Equal(10, options.MaxSyncErrors);
        Assert.False(options.StopWithMobile);
    }

    [Fact]
    public void New_machine_is_in_init_with_nothing_to_do()
    {
        var machine = Drive.New();

        Assert.Equal(ClientState.Init, machine.State);
        Assert.Equal(LoginAction.None, machine.NextAction);
        Assert.Equal(new LoginSnapshot(), machine.Snapshot);
    }

    [Fact]
    public void Start_from_init_moves_to_loading_and_fetches_a_qr_code()
    {
        var machine = Drive.New();

        var effects = machine.Apply(new LoginTrigger.Start());

        EffectAssert.Sequence(effects, Fx.Changed(ClientState.Init, ClientState.Loading));
        Assert.Equal(
            new LoginSnapshot { State = ClientState.Loading, PreviousState = ClientState.Init, NextAction = LoginAction.FetchQrCode },
            machine.Snapshot);
    }

    [Fact]
    public void Start_from_stop_resets_every_counter_and_the_relogin_flag()
    {
        var machine = Drive.FromSnapshot(new LoginSnapshot
        {
            State = ClientState.Stop,
            PreviousState = ClientState.Running,
            NextAction = LoginAction.None,
            Consecutive408 = 3,
            QrCodeCount = 7,
            SyncErrors = 4,
            Relogging = true,
        });

        var effects = machine.Apply(new LoginTrigger.Start());

        EffectAssert.Sequence(effects, Fx.Changed(ClientState.Stop, ClientState.Loading));
        Assert.Equal(
            new LoginSnapshot { State = ClientState.Loading, PreviousState = ClientState.Stop, NextAction = LoginAction.FetchQrCode },
            machine.Snapshot);
    }

    [Fact]
    public void Start_after_a_stop_forced_by_qr_expiries_starts_a_fresh_qr_budget()
    {
        var options = new LoginOptions { PollsPerQrCode = 1, MaxQrCodeCount = 2 };
        var machine = Drive.To(ClientState.Scaning, options);
        machine.Run(Drive.Poll(408), new LoginTrigger.QrCodeFetched(), Drive.Poll(408));
        Assert.Equal(ClientState.Stop, machine.State);

        machine.Run(new LoginTrigger.Start(), new LoginTrigger.QrCodeFetched());
        var effects = machine.Apply(Drive.Poll(408));

        EffectAssert.Sequence(effects, Fx.QrExpired);
        Assert.Equal(ClientState.Scaning, machine.State);
        Assert.Equal(1, machine.Snapshot.QrCodeCount);
    }

    [Theory]
    [InlineData(ClientState.Loading)]
    [InlineData(ClientState.Scaning)]
    [InlineData(ClientState.Confirming)]
    [InlineData(ClientState.Updating)]
    [InlineData(ClientState.Running)]
    public void Start_while_started_is_idempotent(ClientState state)
    {
        var machine = Drive.To(state);
        machine.Apply(Drive.Poll(408)); // gives scaning/confirming a non-zero counter that a restart would reset
        var before = machine.Snapshot;

        var effects = machine.Apply(new LoginTrigger.Start());

        EffectAssert.None(effects);
        Assert.Equal(before, machine.Snapshot);
    }

    [Theory]
    [InlineData(ClientState.Init, false)]
    [InlineData(ClientState.Loading, false)]
    [InlineData(ClientState.Scaning, false)]
    [InlineData(ClientState.Confirming, false)]
    [InlineData(ClientState.Updating, true)]
    [InlineData(ClientState.Running, true)]
    public void Stop_from_any_live_state_clears_the_session_and_emits_stop(ClientState state, bool logsOut)
    {
        var machine = Drive.To(state);

        var effects = machine.Apply(new LoginTrigger.Stop());

        LoginEffect[] expected = logsOut
            ? [Fx.Logout, Fx.Clear, Fx.Changed(state, ClientState.Stop), Fx.Stopped]
            : [Fx.Clear, Fx.Changed(state, ClientState.Stop), Fx.Stopped];
        EffectAssert.Sequence(effects, expected);
        Assert.Equal(ClientState.Stop, machine.State);
        Assert.Equal(state, machine.Snapshot.PreviousState);
        Assert.Equal(LoginAction.None, machine.NextAction);
    }

    [Fact]
    public void Stop_when_stopped_does_nothing()
    {
        var machine = Drive.To(ClientState.Stop);
        var before = machine.Snapshot;

        var effects = machine.Apply(new LoginTrigger.Stop());

        EffectAssert.None(effects);
        Assert.Equal(before, machine.Snapshot);
    }

    [Fact]
    public void Stop_while_relogging_logs_nothing_out_and_a_later_start_forgets_the_relogin()
    {
        var machine = Drive.To(ClientState.Running);
        machine.Apply(Drive.SyncCheck(1101));
        Assert.True(machine.Snapshot.Relogging);

        var stopEffects = machine.Apply(new LoginTrigger.Stop());
        machine.Apply(new LoginTrigger.Start());
        var loginEffects = machine.Run(Drive.ScanAndLogin());

        EffectAssert.Sequence(stopEffects, Fx.Clear, Fx.Changed(ClientState.Loading, ClientState.Stop), Fx.Stopped);
        EffectAssert.Sequence(loginEffects, Fx.Changed(ClientState.Updating, ClientState.Running), Fx.LoggedIn);
    }
}
