namespace OpenWxCluster.Grains.UnitTests;

public sealed class SnapshotTests
{
    public static TheoryData<int> SplitPoints()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i <= LongScript().Length; i++)
        {
            data.Add(i);
        }
        return data;
    }

    /// <summary>
    /// Runs a long script on one machine, and on a second machine that is rebuilt after <paramref name="split"/>
    /// triggers from its snapshot serialised to bytes and back (as grain state is persisted): both must produce the
    /// same effects and snapshots from then on.
    /// </summary>
    [Theory]
    [MemberData(nameof(SplitPoints))]
    public void A_machine_rebuilt_from_its_snapshot_continues_where_it_was(int split)
    {
        var options = new LoginOptions { PollsPerQrCode = 3, MaxQrCodeCount = 4, MaxSyncErrors = 2 };
        var script = LongScript();
        var reference = new LoginStateMachine(options);
        var first = new LoginStateMachine(options);
        foreach (var trigger in script[..split])
        {
            reference.Apply(trigger);
            first.Apply(trigger);
        }

        var stored = OrleansRoundTrip.Copy(first.Snapshot);
        Assert.NotSame(first.Snapshot, stored);
        Assert.Equal(first.Snapshot, stored);
        var rebuilt = new LoginStateMachine(options, stored);

        Assert.Equal(reference.Snapshot, rebuilt.Snapshot);
        Assert.Equal(reference.State, rebuilt.State);
        Assert.Equal(reference.NextAction, rebuilt.NextAction);
        foreach (var trigger in script[split..])
        {
            var expected = reference.Apply(trigger).Select(EffectAssert.Describe).ToArray();
            var actual = rebuilt.Apply(trigger).Select(EffectAssert.Describe).ToArray();
            Assert.Equal(expected, actual);
            Assert.Equal(reference.Snapshot, rebuilt.Snapshot);
        }
        Assert.Equal(ClientState.Stop, rebuilt.State);
    }

    [Fact]
    public void A_rebuilt_machine_finishes_an_interrupted_qr_code_count()
    {
        var machine = Drive.To(ClientState.Scaning);
        machine.Repeat(Drive.Poll(408), 3);

        var rebuilt = Drive.FromSnapshot(OrleansRoundTrip.Copy(machine.Snapshot));
        var fourth = rebuilt.Apply(Drive.Poll(408));
        var fifth = rebuilt.Apply(Drive.Poll(408));

        EffectAssert.None(fourth);
        EffectAssert.Sequence(fifth, Fx.QrExpired);
        Assert.Equal(ClientState.Loading, rebuilt.Snapshot.PreviousState);
    }

    [Fact]
    public void A_rebuilt_machine_remembers_a_relogin_in_progress()
    {
        var machine = Drive.To(ClientState.Running);
        machine.Run(Drive.SyncCheck(1205), new LoginTrigger.QrCodeFetched(), Drive.Poll(201));

        var rebuilt = Drive.FromSnapshot(OrleansRoundTrip.Copy(machine.Snapshot));
        var effects = rebuilt.Run(Drive.Poll(200), new LoginTrigger.UpdateSucceeded());

        EffectAssert.Sequence(effects, Fx.Changed(ClientState.Updating, ClientState.Running), Fx.LoggedIn, Fx.Relogged);
    }

    [Fact]
    public void A_rebuilt_machine_remembers_a_transport_outage_and_reports_the_way_back_once()
    {
        var machine = Drive.To(ClientState.Running);
        machine.Apply(new LoginTrigger.SyncFailed());

        var rebuilt = Drive.FromSnapshot(OrleansRoundTrip.Copy(machine.Snapshot));
        var failedAgain = rebuilt.Apply(new LoginTrigger.SyncFailed());
        var back = rebuilt.Apply(new LoginTrigger.SyncSucceeded());

        EffectAssert.None(failedAgain);
        EffectAssert.Sequence(back, Fx.Online);
    }

    [Fact]
    public void A_rebuilt_machine_keeps_counting_sync_errors()
    {
        var machine = Drive.To(ClientState.Running);
        machine.Repeat(Drive.SyncCheck(1), 10);

        var rebuilt = Drive.FromSnapshot(OrleansRoundTrip.Copy(machine.Snapshot));
        var effects = rebuilt.Apply(Drive.SyncCheck(1));

        EffectAssert.Sequence(effects, Fx.Relogin(OfflineCauses.SyncErrors, 1));
    }

    [Fact]
    public void Every_snapshot_field_survives_the_orleans_serializer()
    {
        var snapshot = new LoginSnapshot
        {
            State = ClientState.Confirming,
            PreviousState = ClientState.Scaning,
            NextAction = LoginAction.PollLogin,
            Consecutive408 = 3,
            QrCodeCount = 7,
            SyncErrors = 4,
            Relogging = true,
            OfflineCause = OfflineCauses.Transport,
        };

        var stored = OrleansRoundTrip.Copy(snapshot);

        Assert.NotSame(snapshot, stored);
        Assert.Equal(snapshot, stored);
    }

    [Fact]
    public void The_returned_effects_are_not_changed_by_later_triggers()
    {
        var machine = Drive.New();

        var startEffects = machine.Apply(new LoginTrigger.Start());
        machine.Apply(new LoginTrigger.Stop());

        EffectAssert.Sequence(startEffects, Fx.Changed(ClientState.Init, ClientState.Loading));
    }

    /// <summary>A run through every kind of transition, ending in stop.</summary>
    private static LoginTrigger[] LongScript() =>
    [
        new LoginTrigger.Start(),
        new LoginTrigger.QrCodeFetched(),
        Drive.Poll(408), Drive.Poll(408), Drive.Poll(408),
        new LoginTrigger.QrCodeFetched(),
        Drive.Poll(201), Drive.Poll(408), Drive.Poll(500),
        new LoginTrigger.QrCodeFetched(),
        Drive.Poll(200),
        new LoginTrigger.LoginRefused(1203, "refused"),
        new LoginTrigger.QrCodeFetched(), Drive.Poll(201), Drive.Poll(200),
        new LoginTrigger.UpdateFailed("init"),
        new LoginTrigger.QrCodeFetched(), Drive.Poll(200),
        new LoginTrigger.UpdateSucceeded(),
        new LoginTrigger.SyncFailed(), new LoginTrigger.SyncSucceeded(),
        Drive.SyncCheck(1), Drive.WebSync(-1), new LoginTrigger.SyncSucceeded(),
        Drive.SyncCheck(1), Drive.SyncCheck(2), Drive.SyncCheck(3),
        new LoginTrigger.QrCodeFetched(), Drive.Poll(201), Drive.Poll(200),
        new LoginTrigger.UpdateSucceeded(),
        Drive.SyncCheck(1102),
        new LoginTrigger.QrCodeFetched(), Drive.Poll(200),
        new LoginTrigger.UpdateSucceeded(),
        Drive.WebSync(1101),
        new LoginTrigger.Start(),
        new LoginTrigger.QrCodeFetched(),
        new LoginTrigger.Stop(),
    ];
}
