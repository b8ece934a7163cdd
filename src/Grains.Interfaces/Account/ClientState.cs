namespace OpenWxCluster.Contracts;

/// <summary>Mojo-Weixin client states, spelled as Mojo spells them on the wire ("scaning").</summary>
[GenerateSerializer]
public enum ClientState
{
    Init,
    Loading,
    Scaning,
    Confirming,
    Updating,
    Running,
    Stop,
    /// <summary>QQ: started, but the implementation reports the QQ account gone or stopped answering (see the cause).</summary>
    Offline,
}
