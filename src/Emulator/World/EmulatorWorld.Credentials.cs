using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Emulator.World;

public sealed partial class EmulatorWorld
{
    /// <summary>The credentials of wxid's most recent web session, or null before its first login.</summary>
    public SessionCredentials? GetLatestCredentials(string wxid) =>
        Sessions.Latest(wxid) is { } s ? new(s.Sid, s.Skey, s.PassTicket, s.DataTicket, s.AuthTicket) : null;
}
