namespace OpenWxCluster.Emulator.World;

internal enum LoginState
{
    Waiting,
    Scanned,
    Confirmed,
    Consumed,
    Expired,
}
