namespace OpenWxCluster.Grains.Events;

/// <summary>Where the cursor log keeps its segments, by slot (grain storage in the silo, a dictionary in unit tests).</summary>
public interface ICursorSegmentStore
{
    /// <summary>The stored events of a slot; empty when it was never written or was cleared.</summary>
    Task<IReadOnlyList<AccountEvent>> ReadAsync(int slot);

    Task WriteAsync(int slot, IReadOnlyList<AccountEvent> events);

    Task ClearAsync(int slot);
}
