namespace OpenWxCluster.Grains.UnitTests;

public sealed class LoginCompletionTests
{
    private const string RefusalMessage = "当前登录环境异常。为了你的帐号安全，暂时不能登录web微信。";

    [Theory]
    [InlineData(ClientState.Updating)]
    [InlineData(ClientState.Confirming)]
    [InlineData(ClientState.Scaning)]
    public void Login_refusal_emits_login_minus_one_clears_the_session_and_fetches_a_new_qr(ClientState from)
    {
        var machine = Drive.To(from);
        if (from != ClientState.Updating)
        {
            machine.Apply(Drive.Poll(408));
        }

        var effects = machine.Apply(new LoginTrigger.LoginRefused(1203, RefusalMessage));

        EffectAssert.Sequence(effects, Fx.Emit("login", -1, RefusalMessage), Fx.Clear, Fx.Changed(from, ClientState.Loading));
        Assert.Equal(ClientState.Loading, machine.State);
        Assert.Equal(LoginAction.FetchQrCode, machine.NextAction);
        Assert.Equal(1, machine.Snapshot.QrCodeCount);
        Assert.Equal(0, machine.Snapshot.Consecutive408);
    }

    [Fact]
    public void The_login_loop_after_a_refusal_can_still_succeed()
    {
        var machine = Drive.To(ClientState.Updating);
        machine.Apply(new LoginTrigger.LoginRefused(1203, RefusalMessage));

        var effects = machine.Run(Drive.ScanAndLogin());

        EffectAssert.Sequence(effects, Fx.Changed(ClientState.Updating, ClientState.Running), Fx.LoggedIn);
        Assert.Equal(0, machine.Snapshot.QrCodeCount);
    }

    [Fact]
    public void Repeated_refusals_stop_the_client_at_the_max_qr_code_count()
    {
        var machine = Drive.To(ClientState.Updating, new LoginOptions { MaxQrCodeCount = 3 });
        var refused = new LoginTrigger.LoginRefused(1203, RefusalMessage);
        for (var i = 1; i < 3; i++)
        {
            EffectAssert.Sequence(
                machine.Apply(refused),
                Fx.Emit("login", -1, RefusalMessage), Fx.Clear, Fx.Changed(ClientState.Updating, ClientState.Loading));
            machine.Run(new LoginTrigger.QrCodeFetched(), Drive.Poll(201), Drive.Poll(200));
        }

        var effects = machine.Apply(refused);

        EffectAssert.Sequence(
            effects,
            Fx.Emit("login", -1, RefusalMessage), Fx.Clear, Fx.Changed(ClientState.Updating, ClientState.Stop), Fx.Stopped);
        Assert.Equal(ClientState.Stop, machine.State);
        Assert.Equal(LoginAction.None, machine.NextAction);
        Assert.Equal(3, machine.Snapshot.QrCodeCount);
    }

    [Fact]
    public void Refusals_and_qr_expiries_share_the_qr_code_budget()
    {
        var machine = Drive.To(ClientState.Scaning, new LoginOptions { PollsPerQrCode = 1, MaxQrCodeCount = 2 });
        machine.Run(Drive.Poll(408), new LoginTrigger.QrCodeFetched(), Drive.Poll(201), Drive.Poll(200));

        var effects = machine.Apply(new LoginTrigger.LoginRefused(1203, RefusalMessage));

        EffectAssert.Sequence(
            effects,
            Fx.Emit("login", -1, RefusalMessage), Fx.Clear, Fx.Changed(ClientState.Updating, ClientState.Stop), Fx.Stopped);
    }

    [Fact]
    public void Update_success_enters_running_emits_login_and_starts_syncing()
    {
        var machine = Drive.To(ClientState.Scaning);
        machine.Repeat(Drive.Poll(408), 5); // one expiry, so QrCodeCount is 1
        machine.Run(new LoginTrigger.QrCodeFetched(), Drive.Poll(408), Drive.Poll(200)); // 200 without a 201
        Assert.Equal(1, machine.Snapshot.Consecutive408);

        var effects = machine.Apply(new LoginTrigger.UpdateSucceeded());

        EffectAssert.Sequence(effects, Fx.Changed(ClientState.Updating, ClientState.Running), Fx.LoggedIn);
        Assert.Equal(
            new LoginSnapshot { State = ClientState.Running, PreviousState = ClientState.Updating, NextAction = LoginAction.Sync },
            machine.Snapshot);
    }

    [Fact]
    public void Update_failure_logs_out_clears_the_session_and_starts_over_with_a_new_qr()
    {
        var machine = Drive.To(ClientState.Updating);

        var effects = machine.Apply(new LoginTrigger.UpdateFailed("webwxinit Ret=1"));

        EffectAssert.Sequence(effects, Fx.Logout, Fx.Clear, Fx.Changed(ClientState.Updating, ClientState.Loading));
        Assert.Equal(LoginAction.FetchQrCode, machine.NextAction);
        Assert.False(machine.Snapshot.Relogging);
    }

    [Fact]
    public void Update_failure_during_a_relogin_keeps_the_relogin_pending()
    {
        var machine = Drive.To(ClientState.Running);
        machine.Apply(Drive.SyncCheck(1102));
        machine.Run(new LoginTrigger.QrCodeFetched(), Drive.Poll(201), Drive.Poll(200));

        var failed = machine.Apply(new LoginTrigger.UpdateFailed("MemberCount=0"));
        var effects = machine.Run(Drive.ScanAndLogin());

        EffectAssert.Sequence(failed, Fx.Logout, Fx.Clear, Fx.Changed(ClientState.Updating, ClientState.Loading));
        EffectAssert.Sequence(effects, Fx.Changed(ClientState.Updating, ClientState.Running), Fx.LoggedIn, Fx.Relogged);
        Assert.False(machine.Snapshot.Relogging);
    }
}
