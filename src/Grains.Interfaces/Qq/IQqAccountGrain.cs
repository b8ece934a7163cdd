namespace OpenWxCluster.Contracts;

/// <summary>
/// A QQ account (key <c>qq/&lt;client&gt;</c>) behind a OneBot v11 implementation the operator runs (NapCat and
/// others): actions go to its HTTP API, events come in through the web front (HTTP POST or reverse WebSocket) and
/// are handed over here. The account is <c>loading</c> while it reads its profile and contacts, <c>running</c>, or
/// <c>offline</c> with a cause while the implementation reports the QQ account gone or stops answering.
/// </summary>
[Alias("openwx.IQqAccountGrain")]
public interface IQqAccountGrain : IAccountGrain
{
    /// <summary>
    /// One event the implementation pushed (a HTTP POST body or a WebSocket text frame). Answers
    /// <see cref="QqIntakeResult.Accepted"/> only once the event is saved (or known already), so the sender may
    /// forget it; the signature and the self id are checked here, where the secret is kept.
    /// </summary>
    [Alias("Ingest")]
    Task<QqIntakeResult> IngestAsync(QqIntake intake);

    /// <summary>The reverse WebSocket handshake: the token the implementation presented and its X-Self-ID.</summary>
    [Alias("AuthorizeSocket"), ReadOnly, AlwaysInterleave]
    Task<QqIntakeResult> AuthorizeSocketAsync(string? accessToken, string? selfId);

    /// <summary>Mutes members of a group for <paramref name="duration"/> (the upstream needs the account to be admin or owner).</summary>
    [Alias("Shutup")]
    Task<AdminResult> ShutupAsync(GroupLookup group, IReadOnlyList<string> memberIds, TimeSpan duration);

    /// <summary>Removes members from a group.</summary>
    [Alias("Kick")]
    Task<AdminResult> KickAsync(GroupLookup group, IReadOnlyList<string> memberIds);

    /// <summary>
    /// A temporary-session message to a member of a group (sess): not found codes 101 (group) and 103 (member).
    /// </summary>
    [Alias("SendSessText"), AlwaysInterleave]
    Task<SendReceipt> SendSessTextAsync(GroupLookup group, string memberId, string content, string? idempotencyKey = null);

    /// <summary>
    /// The discuss groups the account learned from their messages (OneBot has no action that lists them), as groups:
    /// id = uid = the discuss id, the name (the id when unknown), the members seen speaking; most recently active last.
    /// </summary>
    [Alias("GetDiscusses"), ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<GroupInfo>> GetDiscussesAsync();

    /// <summary>Text to a learned discuss group (by <see cref="GroupLookup.Id"/>, uid or name): 102 when unknown.</summary>
    [Alias("SendDiscussText"), AlwaysInterleave]
    Task<SendReceipt> SendDiscussTextAsync(GroupLookup discuss, string content, string? idempotencyKey = null);

    /// <summary>A private message to a learned member of a learned discuss group (sess, discuss form): 104 when unknown.</summary>
    [Alias("SendDiscussSessText"), AlwaysInterleave]
    Task<SendReceipt> SendDiscussSessTextAsync(GroupLookup discuss, string memberId, string content, string? idempotencyKey = null);
}
