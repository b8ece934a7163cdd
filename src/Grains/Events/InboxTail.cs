namespace OpenWxCluster.Grains.Events;

/// <summary>
/// The events an inbox accepted since its last full state write, each encoded once, oldest first (state name
/// <c>inbox-tail</c>). Events at or below the saved state's <see cref="InboxState.LastSeq"/> are stale and ignored.
/// </summary>
[GenerateSerializer, Alias("openwx.InboxTail")]
public sealed class InboxTail
{
    [Id(0)] public List<byte[]> Events { get; set; } = [];
}
