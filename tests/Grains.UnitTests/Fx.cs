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
}
