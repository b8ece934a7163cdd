namespace OpenWxCluster.Grains.Account.Login;

/// <summary>The persisted part of the state machine.</summary>
[GenerateSerializer, Alias("openwx.LoginSnapshot")]
public sealed record LoginSnapshot
{
    [Id(0)] public ClientState State { get; init; } = ClientState.Init;
    [Id(1)] public ClientState PreviousState { get; init; } = ClientState.Init;
    [Id(2)] public LoginAction NextAction { get; init; } = LoginAction.None;
    [Id(3)] public int Consecutive408 { get; init; }
    [Id(4)] public int QrCodeCount { get; init; }
    [Id(5)] public int SyncErrors { get; init; }
    /// <summary>True while a relogin (forced by the server) is in progress, so success emits <c>relogin</c>.</summary>
    [Id(6)] public bool Relogging { get; init; }
    /// <summary>Why the account went offline (<see cref="OfflineCauses"/>); null while it is not offline.</summary>
    [Id(7)] public string? OfflineCause { get; init; }
}
