namespace OpenWxCluster.Grains.Webhooks;

[GenerateSerializer, Alias("openwx.WebhookState")]
public sealed class WebhookState
{
    /// <summary>The destination in use (the account's own or the cluster default); null: nothing is posted.</summary>
    [Id(0)] public WebhookSettings? Settings { get; set; }

    /// <summary>
    /// The open events as saved before they were kept encoded (<see cref="OpenEvents"/>): taken over by an activation
    /// and saved empty from then on.
    /// </summary>
    [Id(1)] public List<AccountEvent> Backlog { get; set; } = [];

    /// <summary>Highest event sequence accepted, so a replayed event is not posted twice.</summary>
    [Id(2)] public long LastSeq { get; set; }

    [Id(3)] public long Delivered { get; set; }
    [Id(4)] public long Failed { get; set; }
    [Id(5)] public long Dropped { get; set; }

    /// <summary>
    /// The attempt log as saved before it had its own state (<see cref="WebhookLogState"/>): read once by an
    /// activation, moved there, and saved empty from then on.
    /// </summary>
    [Id(6)] public List<WebhookAttempt> Attempts { get; set; } = [];

    /// <summary>Replies read from delivered posts, saved before they are sent so a silo loss does not lose them.</summary>
    [Id(7)] public List<ReplyRequest> PendingReplies { get; set; } = [];

    /// <summary>Attempts already made for the first backlog event (so the attempt header survives a move).</summary>
    [Id(8)] public int HeadAttempts { get; set; }

    /// <summary>Id of the oldest sealed chunk not yet delivered; the sealed chunks are the next <see cref="Chunks"/>.Count ids.</summary>
    [Id(9)] public long FirstChunk { get; set; }

    /// <summary>Events in each sealed chunk, oldest first.</summary>
    [Id(10)] public List<int> Chunks { get; set; } = [];

    /// <summary>Events of the first sealed chunk already delivered or dropped.</summary>
    [Id(11)] public int ChunkHead { get; set; }

    /// <summary>Record slots the chunk ids map to (id modulo this), fixed while any chunk is sealed.</summary>
    [Id(12)] public int ChunkSlots { get; set; }

    /// <summary>
    /// The newest events to post, oldest first, after those in the sealed chunks (see <see cref="WebhookBacklog"/>):
    /// fewer than a chunk, so a state write stays small however long the backlog grows, and each event's bytes as
    /// encoded once when it was accepted, so a write copies them instead of encoding every open event again.
    /// </summary>
    [Id(13)] public List<byte[]> OpenEvents { get; set; } = [];
}
