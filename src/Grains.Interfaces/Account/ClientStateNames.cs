namespace OpenWxCluster.Contracts;

/// <summary>Wire names of <see cref="ClientState"/> ("init", "scaning"...) and what a state means.</summary>
public static class ClientStateNames
{
    public static string ToWire(this ClientState state) => state switch
    {
        ClientState.Init => "init",
        ClientState.Loading => "loading",
        ClientState.Scaning => "scaning",
        ClientState.Confirming => "confirming",
        ClientState.Updating => "updating",
        ClientState.Running => "running",
        ClientState.Offline => "offline",
        _ => "stop",
    };

    /// <summary>A live client: anything but init and stop (Mojo's controller forgets stopped clients).</summary>
    public static bool IsStarted(this ClientState state) => state is not (ClientState.Init or ClientState.Stop);
}
