namespace OpenWxCluster.Grains.Options;

/// <summary>check_event buffer settings (config section <c>OpenWx:Inbox</c>).</summary>
public sealed class EventInboxOptions
{
    /// <summary>Mojo's check_event_list_max_size; when full the oldest event is dropped.</summary>
    public int Capacity { get; set; } = 20;

    /// <summary>
    /// Events the cursor log of an account in cursor mode retains at most; when full the oldest are dropped and
    /// the next poll behind them gets an <c>events_lost</c> entry.
    /// </summary>
    public int CursorCapacity { get; set; } = 10_000;

    /// <summary>
    /// Events per stored segment of the cursor log: accepting an event rewrites one segment, and a few segments
    /// are kept in memory, so this bounds both the write size and the memory of a log.
    /// </summary>
    public int CursorSegmentSize { get; set; } = 100;

    /// <summary>
    /// Also publish every delivered event to the account's Orleans stream (<c>openwx.account-events</c>, keyed by the
    /// account key) for other Orleans clients. Off by default: nothing in the product reads it, and each publish is a
    /// call to a stream queue (6.5 % of a send's CPU in the throughput bench's profile).
    /// </summary>
    public bool Stream { get; set; }
}
