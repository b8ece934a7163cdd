namespace OpenWxCluster.Emulator.Control;

/// <summary>
/// A web session without its secrets. InvalidRetCode is 0 while the session is valid. The counters let a test watch
/// the client from the service's side without calling the client: LastSeq is the newest event queued for the
/// session, AckedSeq the newest the client confirmed with its SyncKey, SyncChecks/Syncs the requests accepted
/// (valid session and SyncKey; refused ones are answered with their retcode and not counted),
/// HangingSyncChecks the synccheck long-polls held right now, LoggedOut whether the client called webwxlogout.
/// </summary>
public sealed record SessionInfo(
    string Wxid,
    string UserName,
    long Uin,
    DateTimeOffset LoggedInAt,
    bool Initialized,
    int InvalidRetCode,
    bool RateLimited,
    int PendingEvents,
    long LastSeq = 0,
    long AckedSeq = 0,
    long SyncChecks = 0,
    int HangingSyncChecks = 0,
    long Syncs = 0,
    DateTimeOffset? LastSyncCheckAt = null,
    bool LoggedOut = false);
