namespace OpenWxCluster.Grains.Events;

[GenerateSerializer, Alias("openwx.InboxState")]
public sealed class InboxState
{
    /// <summary>Mojo's pending list as written before version 2 (decoded events); moved to <see cref="PendingEncoded"/> on load.</summary>
    [Id(0)] public List<AccountEvent> Pending { get; set; } = [];

    /// <summary>Highest event sequence accepted, so a replayed event is not queued twice.</summary>
    [Id(1)] public long LastSeq { get; set; }

    /// <summary>Events dropped because the inbox was full (oldest first), over the inbox's life.</summary>
    [Id(2)] public long Dropped { get; set; }

    /// <summary>The cursor log's index; null until the account's first cursor poll (no log is kept before).</summary>
    [Id(3)] public CursorLogState? Cursor { get; set; }

    /// <summary>When the newest event was accepted, and messages received and sent over the inbox's life (admin console).</summary>
    [Id(4)] public DateTimeOffset? LastEventTime { get; set; }

    [Id(5)] public long MessagesIn { get; set; }

    [Id(6)] public long MessagesOut { get; set; }

    /// <summary>Mojo's pending list, oldest first: each event's bytes, encoded once (see <see cref="EncodedEvents"/>).</summary>
    [Id(7)] public List<byte[]> PendingEncoded { get; set; } = [];

    /// <summary>
    /// Accepted events may have been saved after this state in the inbox's redo tail (<see cref="InboxRedoTail"/>),
    /// so a new activation reads it. Set when the state was written large or with a cursor log.
    /// </summary>
    [Id(8)] public bool MayHaveTail { get; set; }
}
