using OpenWxCluster.Grains.Account.Login;

namespace OpenWxCluster.Grains.Account;

/// <summary>Small persisted record of an account: life cycle, session, self user. Contacts live in child grains.</summary>
[GenerateSerializer, Alias("openwx.AccountState")]
public sealed class AccountState : Events.IOutboxState
{
    [Id(0)] public LoginSnapshot Login { get; set; } = new();
    [Id(1)] public SessionState? Session { get; set; }
    [Id(2)] public ContactInfo? User { get; set; }
    /// <summary>Sequence number of the next event (per account, never reused).</summary>
    [Id(3)] public long NextEventSeq { get; set; } = 1;
    [Id(4)] public DateTimeOffset? StartTime { get; set; }
    [Id(5)] public StartOptions Options { get; set; } = StartOptions.None;
    [Id(6)] public string? LastError { get; set; }
    /// <summary>Events saved but not yet delivered to the inbox, oldest first (bounded by OutboxCapacity).</summary>
    [Id(7)] public List<AccountEvent> Outbox { get; set; } = [];
    /// <summary>Events dropped from a full outbox over the account's life.</summary>
    [Id(8)] public long OutboxDropped { get; set; }
    /// <summary>Events also go to the account's post_api delivery grain (it has a destination).</summary>
    [Id(9)] public bool WebhookOn { get; set; }
    /// <summary>The latest uploads, oldest first (bounded), so sends by media_id know a file's name and size.</summary>
    [Id(10)] public List<UploadedMedia> Uploads { get; set; } = [];
    /// <summary>When the account last reached running; null while it is not running (the console's uptime).</summary>
    [Id(11)] public DateTimeOffset? RunningSince { get; set; }
    /// <summary>See <see cref="Events.IOutboxState.SeqReserved"/>.</summary>
    [Id(12)] public long SeqReserved { get; set; }
    /// <summary>Idempotent send receipts and @all broadcasts in progress (Id 20: room for other fields before it).</summary>
    [Id(20)] public SendState Sends { get; set; } = new();
}
