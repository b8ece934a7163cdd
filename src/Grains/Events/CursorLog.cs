namespace OpenWxCluster.Grains.Events;

/// <summary>
/// The cursor log of one inbox: every event accepted since the account's first cursor poll, trimmed only by
/// acknowledgement, bounded (the oldest dropped when full, remembered as a gap for the next poll to report).
/// <para>
/// Events are stored in segments of at most <c>segmentSize</c>, so accepting an event rewrites the last segment,
/// not the whole log; only the last segment and the few most recently read stay in memory, so a full log costs
/// storage, not memory. The index (<see cref="CursorLogState"/>) is saved with the inbox state.
/// </para>
/// <para>
/// Not thread-safe: the grain runs one operation at a time, each followed by its writes in this order:
/// <see cref="WriteSegmentsAsync"/>, the inbox state, <see cref="ClearFreedAsync"/>. A segment is thus saved before
/// the index that counts its events, and a slot is cleared only once no saved index refers to it.
/// </para>
/// </summary>
public sealed class CursorLog(CursorLogState state, ICursorSegmentStore store, int segmentSize)
{
    private const int CachedSegments = 3;

    private readonly int _segmentSize = Math.Max(1, segmentSize);
    private readonly Dictionary<int, List<AccountEvent>> _loaded = [];
    private readonly List<int> _recent = []; // loaded slots, least recently used first
    private readonly HashSet<int> _dirty = [];
    private readonly HashSet<int> _freed = [];

    public int Retained => state.Segments.Sum(s => s.Count);

    /// <summary>Segments held in memory now (for tests of the memory bound).</summary>
    public int LoadedSegments => _loaded.Count;

    private long LastRetainedSeq => state.Segments.Count > 0 ? state.Segments[^1].LastSeq : state.Floor;

    /// <summary>Whether a poll with this cursor has something to answer: retained events after it, or a gap.</summary>
    public bool HasNewsAfter(long cursor) => LastRetainedSeq > Math.Max(cursor, state.Floor) || state.LostTo > cursor;

    /// <summary>Appends events in sequence order (those not after the last retained one are ignored), then drops
    /// the oldest beyond <paramref name="capacity"/>.</summary>
    public async Task AppendAsync(IReadOnlyList<AccountEvent> events, int capacity, DateTimeOffset now)
    {
        foreach (var e in events)
        {
            if (e.Seq <= LastRetainedSeq)
            {
                continue;
            }
            var tail = state.Segments.Count > 0 ? state.Segments[^1] : null;
            List<AccountEvent> stored;
            if (tail is null || tail.Count >= _segmentSize)
            {
                tail = new CursorSegmentInfo { Slot = FreeSlot(), FirstSeq = e.Seq };
                state.Segments.Add(tail);
                stored = [];
                _loaded[tail.Slot] = stored;
                Touch(tail.Slot);
            }
            else
            {
                stored = await LoadAsync(tail);
            }
            stored.Add(e);
            tail.LastSeq = e.Seq;
            tail.Count++;
            _dirty.Add(tail.Slot);
        }
        await DropOverflowAsync(Math.Max(1, capacity), now);
        Evict();
    }

    /// <summary>Whether <see cref="AcknowledgeAsync"/> with this cursor changes anything.</summary>
    public bool Acknowledges(long cursor) => cursor > state.Floor;

    /// <summary>Removes every retained event up to <paramref name="cursor"/>; false when there was none.</summary>
    public async Task<bool> AcknowledgeAsync(long cursor)
    {
        if (!Acknowledges(cursor))
        {
            return false;
        }
        state.Floor = cursor;
        while (state.Segments.Count > 0 && state.Segments[0].LastSeq <= cursor)
        {
            Free(state.Segments[0]);
        }
        if (state.Segments.Count > 0 && state.Segments[0].FirstSeq <= cursor)
        {
            var head = state.Segments[0];
            var events = await LoadAsync(head);
            events.RemoveAll(e => e.Seq <= cursor);
            head.Count = events.Count;
            head.FirstSeq = events[0].Seq; // not empty: the head's last event is after the cursor
        }
        Evict();
        return true;
    }

    /// <summary>Up to <paramref name="maxCount"/> retained events after the cursor, and the dropped ones after it.</summary>
    public async Task<CursorBatch> ReadAsync(long cursor, int maxCount)
    {
        var after = Math.Max(cursor, state.Floor);
        var result = new List<AccountEvent>();
        for (var i = 0; i < state.Segments.Count && result.Count < maxCount; i++)
        {
            var segment = state.Segments[i];
            if (segment.LastSeq <= after)
            {
                continue;
            }
            foreach (var e in await LoadAsync(segment))
            {
                if (result.Count == maxCount)
                {
                    break;
                }
                if (e.Seq > after)
                {
                    result.Add(e);
                }
            }
        }
        Evict();
        var lost = state.LostTo > cursor
            ? new EventGap(Math.Max(cursor + 1, state.LostFrom), state.LostTo, state.LostAt)
            : null;
        return new CursorBatch { Events = result, Lost = lost };
    }

    public async Task WriteSegmentsAsync()
    {
        foreach (var slot in _dirty.Order().ToList())
        {
            await store.WriteAsync(slot, _loaded[slot]);
            _dirty.Remove(slot);
        }
        Evict();
    }

    /// <summary>Clears the slots of removed segments; one that fails stays listed (and unused) for the next call.</summary>
    public async Task ClearFreedAsync()
    {
        foreach (var slot in _freed.Order().ToList())
        {
            await store.ClearAsync(slot);
            _freed.Remove(slot);
        }
    }

    private async Task DropOverflowAsync(int capacity, DateTimeOffset now)
    {
        var excess = Retained - capacity;
        if (excess <= 0)
        {
            return;
        }
        state.Dropped += excess;
        var first = state.Segments[0].FirstSeq;
        long last;
        while (true)
        {
            var head = state.Segments[0];
            if (head.Count <= excess)
            {
                excess -= head.Count;
                last = head.LastSeq;
                Free(head);
                if (excess == 0)
                {
                    break;
                }
                continue;
            }
            var events = await LoadAsync(head);
            last = events[excess - 1].Seq;
            events.RemoveRange(0, excess);
            head.Count = events.Count;
            head.FirstSeq = events[0].Seq;
            break;
        }
        // No acknowledgement since the previous drop: the same consumer has missed both, so report one run.
        if (state.LostTo > 0 && state.LostTo == state.Floor)
        {
            state.LostTo = last;
        }
        else
        {
            state.LostFrom = first;
            state.LostTo = last;
        }
        state.LostAt = now;
        state.Floor = last;
    }

    /// <summary>The retained events of a segment (stored events outside its range are left out).</summary>
    private async Task<List<AccountEvent>> LoadAsync(CursorSegmentInfo segment)
    {
        if (!_loaded.TryGetValue(segment.Slot, out var events))
        {
            var stored = await store.ReadAsync(segment.Slot);
            var after = Math.Max(state.Floor, segment.FirstSeq - 1);
            events = [.. stored.Where(e => e.Seq > after && e.Seq <= segment.LastSeq)];
            _loaded[segment.Slot] = events;
        }
        Touch(segment.Slot);
        return events;
    }

    private void Free(CursorSegmentInfo segment)
    {
        state.Segments.Remove(segment);
        _loaded.Remove(segment.Slot);
        _recent.Remove(segment.Slot);
        _dirty.Remove(segment.Slot);
        _freed.Add(segment.Slot);
    }

    /// <summary>The lowest slot neither in use nor waiting to be cleared (a pending clear would wipe new events).</summary>
    private int FreeSlot()
    {
        var taken = state.Segments.Select(s => s.Slot).Concat(_freed).ToHashSet();
        var slot = 0;
        while (taken.Contains(slot))
        {
            slot++;
        }
        return slot;
    }

    private void Touch(int slot)
    {
        _recent.Remove(slot);
        _recent.Add(slot);
    }

    /// <summary>Keeps the last segment (appends go there), unsaved ones, and the most recently used few.</summary>
    private void Evict()
    {
        var tail = state.Segments.Count > 0 ? state.Segments[^1].Slot : -1;
        for (var i = 0; _loaded.Count > CachedSegments && i < _recent.Count;)
        {
            var slot = _recent[i];
            if (slot == tail || _dirty.Contains(slot))
            {
                i++;
                continue;
            }
            _recent.RemoveAt(i);
            _loaded.Remove(slot);
        }
    }
}
