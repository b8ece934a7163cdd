using Orleans.Storage;

namespace OpenWxCluster.Grains.Hosting;

/// <summary>
/// Grain storage of the embedded single silo: each state kept in this process as the binary serializer's bytes, with
/// an ETag per row so a stale write fails as it would in a database. Orleans' memory provider routes every read and
/// write through a storage grain and copies the bytes once more there (8 % of a send's silo CPU in the throughput
/// bench's profile); that is what lets silos share it, which one silo does not need. Nothing survives the process.
/// </summary>
public sealed class LocalGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly Dictionary<(string State, GrainId Grain), Row> _rows = [];
    private readonly Lock _gate = new();
    private long _etags;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Row? row;
        lock (_gate)
        {
            _rows.TryGetValue((stateName, grainId), out row);
        }
        grainState.State = row is null ? Activator.CreateInstance<T>() : serializer.Deserialize<T>(row.Data);
        grainState.ETag = row?.ETag;
        grainState.RecordExists = row is not null;
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = serializer.Serialize(grainState.State);
        string etag;
        lock (_gate)
        {
            Check(stateName, grainId, grainState.ETag);
            etag = (++_etags).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _rows[(stateName, grainId)] = new Row(data, etag);
        }
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_gate)
        {
            Check(stateName, grainId, grainState.ETag);
            _rows.Remove((stateName, grainId));
        }
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>A write must name the stored ETag (none for a new row): else another activation wrote meanwhile.</summary>
    private void Check(string stateName, GrainId grainId, string? etag)
    {
        var stored = _rows.TryGetValue((stateName, grainId), out var row) ? row.ETag : null;
        if (stored != etag)
        {
            throw new InconsistentStateException($"ETag mismatch for {stateName} of {grainId}", stored ?? "none", etag ?? "none");
        }
    }

    private sealed record Row(BinaryData Data, string ETag);
}
