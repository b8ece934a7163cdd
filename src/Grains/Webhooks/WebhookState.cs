namespace OpenWxCluster.Grains.Webhooks;

[GenerateSerializer, Alias("openwx.WebhookState")]
public sealed class WebhookState
{
    /// <summary>The destination in use (the account's own or the cluster default); null: nothing is posted.</summary>
    [Id(0)] public WebhookSettings? Settings { get; set; }

    /// <summary>Events to post, oldest first (bounded by WebhookOptions.Capacity).</summary>
    [Id(1)] public List<AccountEvent> Backlog { get; set; } = [];

    /// <summary>Highest event sequence accepted, so a replayed event is not posted twice.</summary>
    [Id(2)] public long LastSeq { get; set; }

    [Id(3)] public long Delivered { get; set; }
    [Id(4)] public long Failed { get; set; }
    [Id(5)] public long Dropped { get; set; }

    /// <summary>Recent attempts, newest first (bounded by WebhookOptions.LogSize).</summary>
    [Id(6)] public List<WebhookAttempt> Attempts { get; set; } = [];

    /// <summary>Replies read from delivered posts, saved before they are sent so a silo loss does not lose them.</summary>
    [Id(7)] public List<ReplyRequest> PendingReplies { get; set; } = [];

    /// <summary>Attempts already made for the first backlog event (so the attempt header survives a move).</summary>
    [Id(8)] public int HeadAttempts { get; set; }
}
