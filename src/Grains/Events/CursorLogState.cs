namespace OpenWxCluster.Grains.Events;

/// <summary>
/// The index of an account's cursor log, saved with the inbox state (small: one entry per segment). The events
/// themselves are saved per segment (<see cref="CursorSegment"/>), so accepting an event rewrites one segment, not
/// the whole log.
/// </summary>
[GenerateSerializer, Alias("openwx.CursorLogState")]
public sealed class CursorLogState
{
    /// <summary>Highest sequence accepted when the first cursor poll came; the log holds only later events.</summary>
    [Id(0)] public long Start { get; set; }

    /// <summary>Every retained event is after this sequence; those up to it were acknowledged or dropped.</summary>
    [Id(1)] public long Floor { get; set; }

    /// <summary>Segments holding the retained events, oldest first.</summary>
    [Id(2)] public List<CursorSegmentInfo> Segments { get; set; } = [];

    /// <summary>Events dropped because the log was full, over its life.</summary>
    [Id(3)] public long Dropped { get; set; }

    /// <summary>The latest run of dropped sequences (0 when none): drops with no acknowledgement between extend it.</summary>
    [Id(4)] public long LostFrom { get; set; }

    [Id(5)] public long LostTo { get; set; }

    [Id(6)] public DateTimeOffset LostAt { get; set; }
}
