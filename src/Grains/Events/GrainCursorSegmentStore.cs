using Orleans.Storage;
using OpenWxCluster.Grains.Common;

namespace OpenWxCluster.Grains.Events;

/// <summary>
/// Cursor log segments in the silo's grain storage, one record per slot under the inbox grain's id (state names
/// <c>inbox-log-N</c>).
/// </summary>
public sealed class GrainCursorSegmentStore(IGrainStorage storage, GrainId grainId) : ICursorSegmentStore
{
    private readonly Dictionary<int, StoredRecord<CursorSegment>> _records = [];

    public async Task<IReadOnlyList<AccountEvent>> ReadAsync(int slot) => (await Record(slot).ReadAsync()).Events;

    public Task WriteAsync(int slot, IReadOnlyList<AccountEvent> events) =>
        Record(slot).WriteAsync(new CursorSegment { Events = [.. events] });

    public Task ClearAsync(int slot) => Record(slot).ClearAsync();

    private StoredRecord<CursorSegment> Record(int slot)
    {
        if (!_records.TryGetValue(slot, out var record))
        {
            record = _records[slot] = new StoredRecord<CursorSegment>(storage, $"inbox-log-{slot}", grainId);
        }
        return record;
    }
}
