namespace OpenWxCluster.Grains;

/// <summary>Wire names of <see cref="ClientState"/> ("init", "scaning"...).</summary>
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
        _ => "stop",
    };
}
