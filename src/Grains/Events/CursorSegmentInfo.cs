namespace OpenWxCluster.Grains.Events;

/// <summary>
/// One segment of the cursor log: where it is stored and which retained events it holds. The stored segment may
/// hold more (events since acknowledged or dropped, or appended by a write whose index write failed): only
/// sequences from <see cref="FirstSeq"/> to <see cref="LastSeq"/> after the log's floor count.
/// </summary>
[GenerateSerializer, Alias("openwx.CursorSegmentInfo")]
public sealed class CursorSegmentInfo
{
    /// <summary>Storage slot; slots of removed segments are reused, so an account's stored rows stay bounded.</summary>
    [Id(0)] public int Slot { get; set; }

    [Id(1)] public long FirstSeq { get; set; }

    [Id(2)] public long LastSeq { get; set; }

    /// <summary>Retained events in the segment.</summary>
    [Id(3)] public int Count { get; set; }
}
