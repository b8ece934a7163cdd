using Orleans.Storage;

namespace OpenWxCluster.Grains.Events;

/// <summary>
/// Cursor log segments in the silo's grain storage, one record per slot under the inbox grain's id (state names
/// <c>inbox-log-N</c>). Remembers each slot's ETag, not its events: the log decides what stays in memory.
/// </summary>
public sealed class GrainCursorSegmentStore(IGrainStorage storage, GrainId grainId) : ICursorSegmentStore
{
    private readonly Dictionary<int, GrainState<CursorSegment>> _records = [];

    private static string Name(int slot) => $"inbox-log-{slot}";

    public async Task<IReadOnlyList<AccountEvent>> ReadAsync(int slot)
    {
        var record = new GrainState<CursorSegment>(new CursorSegment());
        await storage.ReadStateAsync(Name(slot), grainId, record);
        var events = record.State?.Events ?? [];
        record.State = new CursorSegment();
        _records[slot] = record;
        return events;
    }

    public async Task WriteAsync(int slot, IReadOnlyList<AccountEvent> events)
    {
        var record = await RecordAsync(slot);
        record.State = new CursorSegment { Events = [.. events] };
        try
        {
            await storage.WriteStateAsync(Name(slot), grainId, record);
        }
        finally
        {
            record.State = new CursorSegment();
        }
    }

    public async Task ClearAsync(int slot)
    {
        var record = await RecordAsync(slot);
        if (record.ETag is not null)
        {
            await storage.ClearStateAsync(Name(slot), grainId, record);
        }
    }

    /// <summary>A slot this activation has not read yet is read first: writing needs the ETag it has in storage.</summary>
    private async Task<GrainState<CursorSegment>> RecordAsync(int slot)
    {
        if (!_records.TryGetValue(slot, out var record))
        {
            await ReadAsync(slot);
            record = _records[slot];
        }
        return record;
    }
}
