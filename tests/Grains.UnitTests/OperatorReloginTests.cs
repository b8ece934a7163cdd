namespace OpenWxCluster.Grains.UnitTests;

/// <summary>The console's relogin: Mojo-Weixin's relogin() on request, for a started account only.</summary>
public sealed class OperatorReloginTests
{
    [Theory]
    [InlineData(ClientState.Running)]
    [InlineData(ClientState.Updating)]
    public void A_logged_in_account_logs_out_drops_its_session_and_fetches_a_new_qr(ClientState from)
    {
        var machine = Drive.To(from);

        var effects = machine.Apply(new LoginTrigger.Relogin());

        // No offline event: nothing was lost upstream, the operator asked.
        EffectAssert.Sequence(effects, Fx.Logout, Fx.Clear, Fx.Changed(from, ClientState.Loading), Fx.Recovering);
        Assert.Equal(LoginAction.FetchQrCode, machine.NextAction);
        Assert.Null(machine.Snapshot.OfflineCause);

        var done = machine.Run(Drive.ScanAndLogin());
        EffectAssert.Sequence(done, Fx.Changed(ClientState.Updating, ClientState.Running), Fx.LoggedIn, Fx.Relogged);
    }

    [Fact]
    public void An_account_waiting_for_a_scan_gets_a_fresh_qr_with_its_counters_reset()
    {
        var machine = Drive.To(ClientState.Scaning);
        machine.Apply(Drive.Poll(408));

        machine.Apply(new LoginTrigger.Relogin());

        Assert.Equal(ClientState.Loading, machine.State);
        Assert.Equal(LoginAction.FetchQrCode, machine.NextAction);
        Assert.Equal(0, machine.Snapshot.Consecutive408);
    }

    [Theory]
    [InlineData(ClientState.Init)]
    [InlineData(ClientState.Stop)]
    public void An_account_not_started_stays_as_it_is(ClientState state)
    {
        var machine = Drive.To(state);
        var before = machine.Snapshot;

        Assert.Empty(machine.Apply(new LoginTrigger.Relogin()));
        Assert.Equal(before, machine.Snapshot);
    }
}
