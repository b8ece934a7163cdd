using Orleans.Storage;

namespace OpenWxCluster.Grains.Common;

/// <summary>
/// One named record of a grain in the silo's grain storage, beside its main state (e.g. <c>inbox-tail</c> under the
/// inbox grain's id). Keeps the record's ETag, not its value: the owner decides what stays in memory.
/// </summary>
public sealed class StoredRecord<T>(IGrainStorage storage, string name, GrainId grainId)
    where T : new()
{
    private GrainState<T>? _record;

    /// <summary>The stored value; a new <typeparamref name="T"/> when it was never written or was cleared.</summary>
    public async Task<T> ReadAsync()
    {
        var record = new GrainState<T>(new T());
        await storage.ReadStateAsync(name, grainId, record);
        var value = record.State ?? new T();
        record.State = new T();
        _record = record;
        return value;
    }

    public async Task WriteAsync(T value)
    {
        var record = await RecordAsync();
        record.State = value;
        try
        {
            await storage.WriteStateAsync(name, grainId, record);
        }
        finally
        {
            record.State = new T();
        }
    }

    public async Task ClearAsync()
    {
        var record = await RecordAsync();
        if (record.ETag is not null)
        {
            await storage.ClearStateAsync(name, grainId, record);
        }
    }

    /// <summary>A record this activation has not read yet is read first: writing needs the ETag it has in storage.</summary>
    private async Task<GrainState<T>> RecordAsync()
    {
        if (_record is null)
        {
            await ReadAsync();
        }
        return _record!;
    }
}
