namespace OpenWxCluster.Grains.Events;

/// <summary>The stored events of one cursor log segment, in sequence order.</summary>
[GenerateSerializer, Alias("openwx.CursorSegment")]
public sealed class CursorSegment
{
    [Id(0)] public List<AccountEvent> Events { get; set; } = [];
}
