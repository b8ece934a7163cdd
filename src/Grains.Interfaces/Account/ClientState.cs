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
}
