using Orleans.Serialization;
using Orleans.Storage;
using OpenWxCluster.Grains.Common;
using OpenWxCluster.Grains.Events;

namespace OpenWxCluster.Grains.Webhooks;

/// <summary>
/// A webhook grain's backlog, split so that no state write grows with it. The newest events (fewer than a chunk) sit
/// in the grain's state; each time they make a full chunk they are sealed into a record of their own
/// (<c>webhook-chunk-N</c>), written once and cleared when delivered. Before, the whole backlog (up to Capacity
/// events) was in the state and rewritten with every accepted and every delivered event, so with a receiver slower
/// than the messages each write grew with the backlog (Orleans' serializer was most of post_api's silo CPU).
/// The owner runs every change in one chain and saves through <see cref="SaveAsync"/>, which keeps the order that makes
/// a silo loss harmless: a chunk's record is written before the state names it, and the record of an emptied chunk is
/// cleared only after a state write that no longer names it. The open events are kept encoded in the state
/// (<see cref="EncodedEvents"/>): re-encoding up to a chunk of them with every accepted and every delivered event was a
/// fifth of post_api's silo CPU in the throughput bench's profile.
/// </summary>
public sealed class WebhookBacklog(
    Func<WebhookState> state, IGrainStorage storage, GrainId grainId, int chunkSize, int capacity, Serializer<AccountEvent> serializer)
{
    private readonly Dictionary<int, StoredRecord<WebhookChunk>> _records = [];
    private readonly List<long> _emptied = [];
    private (long Id, List<AccountEvent> Events)? _first;
    private EncodedEvents? _open;
    private List<byte[]>? _openOf;

    private int ChunkSize => Math.Max(1, chunkSize);

    /// <summary>Events waiting.</summary>
    public int Count
    {
        get
        {
            var s = state();
            return s.Chunks.Sum() - s.ChunkHead + Open.Count;
        }
    }

    /// <summary>The open events (after the sealed chunks), over the state's encoded list.</summary>
    private EncodedEvents Open
    {
        get
        {
            var s = state();
            if (_open is null || !ReferenceEquals(_openOf, s.OpenEvents))
            {
                _open = new EncodedEvents(serializer, s.OpenEvents);
                _openOf = s.OpenEvents;
                // A state saved before the events were kept encoded has them here (and none encoded): taken over.
                foreach (var e in s.Backlog)
                {
                    _open.Add(e);
                }
                s.Backlog.Clear();
            }
            return _open;
        }
    }

    public void Add(AccountEvent e) => Open.Add(e);

    /// <summary>
    /// Saves the backlog with the grain's state (<paramref name="writeState"/>): seals the open events into a chunk if
    /// they fill one, writes the state, then clears the records of the chunks emptied since the last save.
    /// </summary>
    public async Task SaveAsync(Func<Task> writeState)
    {
        await SealIfFullAsync();
        await writeState();
        // Taken before clearing, so a failed clear is never retried later, when a newer chunk may use the slot.
        var emptied = _emptied.ToList();
        _emptied.Clear();
        foreach (var id in emptied)
        {
            await Record(id).ClearAsync();
        }
    }

    private async Task SealIfFullAsync()
    {
        var s = state();
        if (Open.Count < ChunkSize)
        {
            return;
        }
        if (s.Chunks.Count == 0)
        {
            // Enough slots that live chunks never share one; fixed until the last chunk is delivered.
            s.ChunkSlots = Math.Max(1, capacity) / ChunkSize + 2;
        }
        var id = s.FirstChunk + s.Chunks.Count;
        var events = Open.Events.ToList();
        await Record(id).WriteAsync(new WebhookChunk { Events = events });
        Open.RemoveOldest(events.Count);
        s.Chunks.Add(events.Count);
        if (s.Chunks.Count == 1)
        {
            _first = (id, events);
        }
    }

    /// <summary>
    /// The oldest event; null when the backlog is empty or its first sealed chunk lacks events the state counts
    /// (<see cref="LostInFirstChunk"/>). Reads the first sealed chunk if this activation has not yet.
    /// </summary>
    public async Task<AccountEvent?> HeadAsync()
    {
        var s = state();
        while (s.Chunks.Count > 0)
        {
            var id = s.FirstChunk;
            if (_first is { } first && first.Id == id)
            {
                return s.ChunkHead < first.Events.Count ? first.Events[s.ChunkHead] : null;
            }
            var events = (await Record(id).ReadAsync()).Events;
            if (s.FirstChunk == id)
            {
                _first = (id, events);
            }
        }
        return Open.Count > 0 ? Open.Events[0] : null;
    }

    /// <summary>
    /// Events the first sealed chunk's record lacks from the head on (storage lost them; this class's write order never
    /// does): the owner drops and counts them instead of waiting for them forever. 0 when whole or not read yet.
    /// </summary>
    public int LostInFirstChunk()
    {
        var s = state();
        return s.Chunks.Count > 0 && _first is { } first && first.Id == s.FirstChunk && s.ChunkHead >= first.Events.Count
            ? s.Chunks[0] - s.ChunkHead
            : 0;
    }

    /// <summary>Removes the oldest event (delivered or given up).</summary>
    public void RemoveHead()
    {
        var s = state();
        if (s.Chunks.Count == 0)
        {
            Open.RemoveOldest(1);
            return;
        }
        s.ChunkHead++;
        if (s.ChunkHead == s.Chunks[0])
        {
            DropFirstChunk(s);
        }
    }

    /// <summary>Drops the oldest <paramref name="count"/> events, counted as dropped; the next one starts its attempts afresh.</summary>
    public void DropOldest(int count)
    {
        var s = state();
        s.Dropped += count;
        s.HeadAttempts = 0;
        while (count > 0 && s.Chunks.Count > 0)
        {
            var left = s.Chunks[0] - s.ChunkHead;
            if (count < left)
            {
                s.ChunkHead += count;
                return;
            }
            count -= left;
            DropFirstChunk(s);
        }
        Open.RemoveOldest(Math.Min(count, Open.Count));
    }

    /// <summary>Forgets the first sealed chunk; its record is cleared by the next <see cref="SaveAsync"/>.</summary>
    private void DropFirstChunk(WebhookState s)
    {
        var id = s.FirstChunk;
        s.Chunks.RemoveAt(0);
        s.FirstChunk++;
        s.ChunkHead = 0;
        _emptied.Add(id);
        if (_first?.Id == id)
        {
            _first = null;
        }
    }

    private StoredRecord<WebhookChunk> Record(long id)
    {
        var slot = (int)(id % Math.Max(1, state().ChunkSlots));
        if (!_records.TryGetValue(slot, out var record))
        {
            record = _records[slot] = new StoredRecord<WebhookChunk>(storage, $"webhook-chunk-{slot}", grainId);
        }
        return record;
    }
}
