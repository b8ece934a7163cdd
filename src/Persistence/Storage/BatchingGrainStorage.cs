using System.Globalization;
using System.Text;
using Orleans.Runtime;
using Orleans.Storage;

namespace OpenWxCluster.Persistence.Storage;

/// <summary>
/// The AdoNet grain storage with its state writes batched across grains (<see cref="StateWriteBatcher"/>). Reads and
/// clears go to the provider as they are. A write is batched when the provider would store its grain under a plain
/// string key, as it does every per-account grain's (account, inbox, post_api, contacts); a Guid or integer key (the
/// account registry, a media fetch, or a string key that parses as one) and a generic state name go to the provider
/// alone. A batched row is the provider's own row (same identity columns, write query, version rule, hashes and
/// serializer), so either can read what the other wrote and a silo without batching reads this one's rows.
/// </summary>
public sealed class BatchingGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private readonly AdoNetGrainStorage _inner;
    private readonly StateWriteBatcher _batcher;
    private readonly string _serviceId;
    private readonly string _name;

    internal BatchingGrainStorage(AdoNetGrainStorage inner, StateWriteBatcher batcher, string serviceId, string name)
    {
        _inner = inner;
        _batcher = batcher;
        _serviceId = serviceId;
        _name = name;
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        _inner.ReadStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        _inner.ClearStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!IsPlainStringKey(stateName, grainId))
        {
            await _inner.WriteStateAsync(stateName, grainId, grainState);
            return;
        }
        var key = grainId.Key.ToString()!;
        var hasher = _inner.HashPicker.PickHasher(_serviceId, _name, stateName, grainId, grainState)
            ?? throw new InvalidOperationException("the grain storage picked no hasher");
        var held = string.IsNullOrWhiteSpace(grainState.ETag) ? (int?)null : int.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        var write = new PendingStateWrite(
            stateName,
            hasher.Hash(Encoding.UTF8.GetBytes(stateName)),
            key,
            hasher.Hash(KeyHashBytes(key)),
            (_inner.Serializer ?? throw new InvalidOperationException("the grain storage has no serializer")).Serialize(grainState.State).ToArray(),
            held);
        var written = await _batcher.WriteAsync(write);
        // As the provider: no row changed (stale version, or a first write that another activation made first).
        if (written is not { } version || version == held)
        {
            throw new InconsistentStateException(
                $"Version conflict (WriteState): ServiceId={_serviceId} ProviderName={_name} GrainType={stateName} GrainId={key} ETag={grainState.ETag}.");
        }
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public void Participate(ISiloLifecycle lifecycle) => _inner.Participate(lifecycle);

    public ValueTask DisposeAsync() => _batcher.DisposeAsync();

    /// <summary>
    /// Keys the provider stores as (0, 0, key): not a Guid or integer key (those it splits into n0/n1 and an
    /// extension), and a grain type without generic arguments (which it rewrites).
    /// </summary>
    private static bool IsPlainStringKey(string stateName, GrainId grainId) =>
        !stateName.Contains('`', StringComparison.Ordinal)
        && !grainId.TryGetGuidKey(out _, out _)
        && !grainId.TryGetIntegerKey(out _, out _);

    /// <summary>The bytes the provider hashes for a string key: its UTF-8, reversed on a little-endian machine.</summary>
    private static byte[] KeyHashBytes(string key)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(bytes);
        }
        return bytes;
    }
}
