namespace OpenWxCluster.Emulator.Sessions;

internal enum SessionEventKind
{
    Message,
    ModContact,
    DelContact,
}
