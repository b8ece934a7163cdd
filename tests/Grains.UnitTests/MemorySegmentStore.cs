using OpenWxCluster.Grains.Events;

namespace OpenWxCluster.Grains.UnitTests;

/// <summary>Segments in a dictionary, with a record of every write's size and of reads, for the cursor log tests.</summary>
internal sealed class MemorySegmentStore : ICursorSegmentStore
{
    private readonly Dictionary<int, List<AccountEvent>> _slots = [];

    public List<int> WriteSizes { get; } = [];

    public int Reads { get; private set; }

    /// <summary>Slots holding events now (cleared ones are gone).</summary>
    public IReadOnlyCollection<int> Slots => _slots.Keys;

    public Task<IReadOnlyList<AccountEvent>> ReadAsync(int slot)
    {
        Reads++;
        IReadOnlyList<AccountEvent> events = _slots.TryGetValue(slot, out var stored) ? [.. stored] : [];
        return Task.FromResult(events);
    }

    public Task WriteAsync(int slot, IReadOnlyList<AccountEvent> events)
    {
        WriteSizes.Add(events.Count);
        _slots[slot] = [.. events];
        return Task.CompletedTask;
    }

    public Task ClearAsync(int slot)
    {
        _slots.Remove(slot);
        return Task.CompletedTask;
    }
}
