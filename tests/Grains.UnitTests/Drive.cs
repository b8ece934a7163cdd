namespace OpenWxCluster.Grains.UnitTests;

/// <summary>Builds machines and walks them along real trigger paths.</summary>
internal static class Drive
{
    public static LoginOptions Defaults { get; } = new();

    public static LoginTrigger Poll(int code) => new LoginTrigger.PollAnswered(code);

    public static LoginTrigger SyncCheck(int retcode) => new LoginTrigger.SyncRejected(retcode, FromSync: false);

    public static LoginTrigger WebSync(int ret) => new LoginTrigger.SyncRejected(ret, FromSync: true);

    public static LoginStateMachine New(LoginOptions? options = null) => new(options ?? Defaults);

    public static LoginStateMachine FromSnapshot(LoginSnapshot snapshot, LoginOptions? options = null) =>
        new(options ?? Defaults, snapshot);

    /// <summary>Reaches <paramref name="state"/> through the ordinary life cycle (init needs nothing).</summary>
    public static LoginStateMachine To(ClientState state, LoginOptions? options = null)
    {
        var machine = New(options);
        machine.Run(PathTo(state));
        Assert.Equal(state, machine.State);
        return machine;
    }

    public static LoginTrigger[] PathTo(ClientState state) => state switch
    {
        ClientState.Init => [],
        ClientState.Loading => [new LoginTrigger.Start()],
        ClientState.Scaning => [.. PathTo(ClientState.Loading), new LoginTrigger.QrCodeFetched()],
        ClientState.Confirming => [.. PathTo(ClientState.Scaning), Poll(201)],
        ClientState.Updating => [.. PathTo(ClientState.Confirming), Poll(200)],
        ClientState.Running => [.. PathTo(ClientState.Updating), new LoginTrigger.UpdateSucceeded()],
        ClientState.Stop => [new LoginTrigger.Start(), new LoginTrigger.Stop()],
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>A QR scan and confirmation from the loading state up to a finished login.</summary>
    public static LoginTrigger[] ScanAndLogin() =>
        [new LoginTrigger.QrCodeFetched(), Poll(201), Poll(200), new LoginTrigger.UpdateSucceeded()];

    /// <summary>Applies every trigger and returns the effects of the last one.</summary>
    public static IReadOnlyList<LoginEffect> Run(this LoginStateMachine machine, params LoginTrigger[] triggers)
    {
        IReadOnlyList<LoginEffect> last = [];
        foreach (var trigger in triggers)
        {
            last = machine.Apply(trigger);
        }
        return last;
    }

    /// <summary>Applies the trigger <paramref name="times"/> times and returns the effects of each application.</summary>
    public static List<IReadOnlyList<LoginEffect>> Repeat(this LoginStateMachine machine, LoginTrigger trigger, int times)
    {
        var all = new List<IReadOnlyList<LoginEffect>>();
        for (var i = 0; i < times; i++)
        {
            all.Add(machine.Apply(trigger));
        }
        return all;
    }
}
