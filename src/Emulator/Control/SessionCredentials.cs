namespace OpenWxCluster.Emulator.Control;

/// <summary>
/// The secrets the emulator handed to a web session (login XML and Set-Cookie), so a test can look for them where
/// they must not be (stored state, logs) without asking the client under test. Not served by the control API.
/// </summary>
public sealed record SessionCredentials(string Sid, string Skey, string PassTicket, string DataTicketCookie, string AuthTicketCookie)
{
    public IReadOnlyList<string> All => [Sid, Skey, PassTicket, DataTicketCookie, AuthTicketCookie];
}
