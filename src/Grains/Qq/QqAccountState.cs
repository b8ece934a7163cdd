using OpenWxCluster.Grains.Account;
using OpenWxCluster.Grains.Events;

namespace OpenWxCluster.Grains.Qq;

/// <summary>Persisted record of a QQ account: life cycle, upstream, self user, outbox, recent ids and send receipts.</summary>
[GenerateSerializer, Alias("openwx.QqAccountState")]
public sealed class QqAccountState : IOutboxState
{
    [Id(0)] public ClientState State { get; set; } = ClientState.Init;
    [Id(1)] public ClientState PreviousState { get; set; } = ClientState.Init;
    [Id(2)] public string? OfflineCause { get; set; }
    [Id(3)] public DateTimeOffset? StartTime { get; set; }
    [Id(4)] public StartOptions Options { get; set; } = StartOptions.None;
    [Id(5)] public string? LastError { get; set; }
    [Id(6)] public ContactInfo? User { get; set; }
    /// <summary>The QQ number the implementation is logged in as (events for another are refused).</summary>
    [Id(7)] public long SelfId { get; set; }
    [Id(8)] public long NextEventSeq { get; set; } = 1;
    [Id(9)] public List<AccountEvent> Outbox { get; set; } = [];
    [Id(10)] public long OutboxDropped { get; set; }
    [Id(11)] public bool WebhookOn { get; set; }
    /// <summary>
    /// Message ids already turned into events (received, or sent through the API), oldest first; a reported recall
    /// is kept as the recalled id negated.
    /// </summary>
    [Id(12)] public List<long> RecentMessageIds { get; set; } = [];
    [Id(13)] public Dictionary<string, KeptReceipt> Receipts { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Discuss groups learned from their messages, least recently active first (<see cref="QqDiscussBook"/>).</summary>
    [Id(14)] public List<GroupInfo> Discusses { get; set; } = [];
    /// <summary>When the account last reached running; null while it is not running (the console's uptime).</summary>
    [Id(15)] public DateTimeOffset? RunningSince { get; set; }
    /// <summary>See <see cref="Events.IOutboxState.SeqReserved"/>.</summary>
    [Id(16)] public long SeqReserved { get; set; }
}
