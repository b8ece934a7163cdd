namespace OpenWxCluster.Grains.UnitTests;

public sealed class StaleTriggerTests
{
    /// <summary>The web WeChat machine's states (Offline is a QQ account's, which this machine never enters).</summary>
    private static readonly ClientState[] AllStates = [.. Enum.GetValues<ClientState>().Except([ClientState.Offline])];

    /// <summary>The states in which each trigger does something; everywhere else it must be ignored.</summary>
    private static readonly Dictionary<string, ClientState[]> HandledIn = new()
    {
        ["Start"] = [ClientState.Init, ClientState.Stop],
        ["Stop"] = [ClientState.Init, ClientState.Loading, ClientState.Scaning, ClientState.Confirming, ClientState.Updating, ClientState.Running],
        ["QrCodeFetched"] = [ClientState.Loading, ClientState.Scaning, ClientState.Confirming],
        ["Poll408"] = [ClientState.Scaning, ClientState.Confirming],
        ["Poll201"] = [ClientState.Scaning, ClientState.Confirming],
        ["Poll200"] = [ClientState.Scaning, ClientState.Confirming],
        ["Poll500"] = [ClientState.Scaning, ClientState.Confirming],
        ["LoginRefused"] = [ClientState.Scaning, ClientState.Confirming, ClientState.Updating],
        ["UpdateSucceeded"] = [ClientState.Updating],
        ["UpdateFailed"] = [ClientState.Updating],
        ["SyncCheck1101"] = [ClientState.Running],
        ["SyncCheck1"] = [ClientState.Running],
        ["WebSync1101"] = [ClientState.Running],
        ["WebSyncMinus1"] = [ClientState.Running],
        ["SyncFailed"] = [ClientState.Running],
        ["SyncSucceeded"] = [ClientState.Running],
    };

    public static TheoryData<ClientState, string> IgnoredCombinations()
    {
        var data = new TheoryData<ClientState, string>();
        foreach (var (trigger, handled) in HandledIn)
        {
            foreach (var state in AllStates.Except(handled))
            {
                data.Add(state, trigger);
            }
        }
        return data;
    }

    public static TheoryData<ClientState, string> HandledCombinations()
    {
        var data = new TheoryData<ClientState, string>();
        foreach (var (trigger, handled) in HandledIn)
        {
            foreach (var state in handled)
            {
                data.Add(state, trigger);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(IgnoredCombinations))]
    public void A_trigger_that_does_not_fit_the_state_is_ignored(ClientState state, string trigger)
    {
        var machine = Drive.FromSnapshot(BusySnapshot(state));
        var before = machine.Snapshot;

        var effects = machine.Apply(Make(trigger));

        EffectAssert.None(effects);
        Assert.Equal(before, machine.Snapshot);
    }

    [Theory]
    [MemberData(nameof(HandledCombinations))]
    public void A_trigger_that_fits_the_state_is_acted_on(ClientState state, string trigger)
    {
        var machine = Drive.FromSnapshot(BusySnapshot(state));
        var before = machine.Snapshot;

        machine.Apply(Make(trigger));

        Assert.NotEqual(before, machine.Snapshot);
    }

    [Fact]
    public void Poll_answered_while_running_is_ignored()
    {
        var machine = Drive.To(ClientState.Running);
        var before = machine.Snapshot;

        var effects = machine.Run(Drive.Poll(408), Drive.Poll(201), Drive.Poll(200), Drive.Poll(500));

        EffectAssert.None(effects);
        Assert.Equal(before, machine.Snapshot);
        Assert.Equal(LoginAction.Sync, machine.NextAction);
    }

    [Fact]
    public void A_late_qr_code_after_stop_does_not_restart_the_login()
    {
        var machine = Drive.To(ClientState.Loading);
        machine.Apply(new LoginTrigger.Stop());

        var effects = machine.Run(new LoginTrigger.QrCodeFetched(), Drive.Poll(200), new LoginTrigger.UpdateSucceeded());

        EffectAssert.None(effects);
        Assert.Equal(ClientState.Stop, machine.State);
        Assert.Equal(LoginAction.None, machine.NextAction);
    }

    [Fact]
    public void An_unknown_trigger_is_rejected()
    {
        var machine = Drive.To(ClientState.Running);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => machine.Apply(new UnknownTrigger()));

        Assert.Equal("trigger", error.ParamName);
        Assert.Equal(ClientState.Running, machine.State);
    }

    /// <summary>
    /// A snapshot with every counter non-zero, the relogin flag and an offline cause set, so that any write by an ignored trigger, even
    /// a reset, would show up (SyncSucceeded handled in running changes SyncErrors; QrCodeFetched changes Consecutive408).
    /// </summary>
    private static LoginSnapshot BusySnapshot(ClientState state) => new()
    {
        State = state,
        PreviousState = state == ClientState.Init ? ClientState.Init : ClientState.Loading,
        NextAction = state switch
        {
            ClientState.Loading => LoginAction.FetchQrCode,
            ClientState.Scaning or ClientState.Confirming => LoginAction.PollLogin,
            ClientState.Updating => LoginAction.CompleteLogin,
            ClientState.Running => LoginAction.Sync,
            _ => LoginAction.None,
        },
        Consecutive408 = 1,
        QrCodeCount = 1,
        SyncErrors = 1,
        Relogging = true,
        OfflineCause = OfflineCauses.Transport,
    };

    private static LoginTrigger Make(string name) => name switch
    {
        "Start" => new LoginTrigger.Start(),
        "Stop" => new LoginTrigger.Stop(),
        "QrCodeFetched" => new LoginTrigger.QrCodeFetched(),
        "Poll408" => Drive.Poll(408),
        "Poll201" => Drive.Poll(201),
        "Poll200" => Drive.Poll(200),
        "Poll500" => Drive.Poll(500),
        "LoginRefused" => new LoginTrigger.LoginRefused(1203, "refused"),
        "UpdateSucceeded" => new LoginTrigger.UpdateSucceeded(),
        "UpdateFailed" => new LoginTrigger.UpdateFailed("failed"),
        "SyncCheck1101" => Drive.SyncCheck(1101),
        "SyncCheck1" => Drive.SyncCheck(1),
        "WebSync1101" => Drive.WebSync(1101),
        "WebSyncMinus1" => Drive.WebSync(-1),
        "SyncFailed" => new LoginTrigger.SyncFailed(),
        "SyncSucceeded" => new LoginTrigger.SyncSucceeded(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
