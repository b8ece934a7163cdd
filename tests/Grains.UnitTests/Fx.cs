namespace OpenWxCluster.Grains.UnitTests;

/// <summary>Short factories for the effects a test expects.</summary>
internal static class Fx
{
    public static LoginEffect Logout { get; } = new LoginEffect.LogoutUpstream();

    public static LoginEffect Clear { get; } = new LoginEffect.ClearSession();

    public static LoginEffect Changed(ClientState from, ClientState to) => new LoginEffect.StateChanged(from, to);

    public static LoginEffect Emit(string name, params object[] parameters) => new LoginEffect.Emit(name, parameters);

    public static LoginEffect Stopped { get; } = Emit("stop");

    public static LoginEffect QrExpired { get; } = Emit("qrcode_expire");

    public static LoginEffect LoggedIn { get; } = Emit("login", 1);

    public static LoginEffect Relogged { get; } = Emit("relogin");

    public static LoginEffect Offline(string cause, int code) => Emit("offline", cause, code);

    public static LoginEffect Recovering { get; } = Emit("recovering");

    public static LoginEffect Online { get; } = Emit("online");

    /// <summary>A running account forced out by upstream: offline(cause, code), logout, back to a new QR, recovering.</summary>
    public static LoginEffect[] Relogin(string cause, int code) =>
        [Offline(cause, code), Logout, Clear, Changed(ClientState.Running, ClientState.Loading), Recovering];

    /// <summary>A running account stopped by upstream (1101 with stop_with_mobile, or from webwxsync).</summary>
    public static LoginEffect[] StoppedElsewhere { get; } =
        [Offline(OfflineCauses.LoggedInElsewhere, 1101), Logout, Clear, Changed(ClientState.Running, ClientState.Stop), Stopped];
}
