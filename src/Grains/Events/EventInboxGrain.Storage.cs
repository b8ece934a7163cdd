using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using OpenWxCluster.Grains.Logging;

namespace OpenWxCluster.Grains.Events;

// The inbox's storage: activation (the saved state, then the redo tail replayed onto it) and the two ways a change is
// saved, a full write (segments, state, freed slots) or the redo tail alone.
public sealed partial class EventInboxGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var s = state.State;
        _pending = new EncodedEvents(serializer, s.PendingEncoded);
        if (s.Pending.Count > 0)
        {
            // A state saved before the encoded list: its events move over with the next write.
            s.Pending.ForEach(_pending.Add);
            s.Pending.Clear();
        }
        if (state.State.Cursor is { } cursor)
        {
            _log = NewLog(cursor);
        }
        _tail = new InboxRedoTail(Storage, this.GetGrainId());
        if (s.MayHaveTail)
        {
            await ReplayTailAsync();
        }
    }

    /// <summary>Accepts again, in memory, the events saved in the redo tail after the state: they stay in the tail.</summary>
    private async Task ReplayTailAsync()
    {
        var replayed = new List<AccountEvent>();
        foreach (var bytes in await _tail.ReadSavedAsync())
        {
            var e = serializer.Deserialize(bytes)!;
            if (e.Seq <= state.State.LastSeq)
            {
                continue; // already in the saved state
            }
            Apply(e, bytes);
            _tail.Keep(bytes);
            replayed.Add(e);
        }
        TrimPending();
        if (replayed.Count > 0 && _log is { } log)
        {
            await log.AppendAsync(replayed, options.Value.CursorCapacity, DateTimeOffset.UtcNow);
        }
    }

    private IGrainStorage Storage => ServiceProvider.GetRequiredKeyedService<IGrainStorage>(OrleansNames.Storage);

    private CursorLog NewLog(CursorLogState cursor) =>
        new(cursor, new GrainCursorSegmentStore(Storage, this.GetGrainId()), options.Value.CursorSegmentSize);

    /// <summary>
    /// Finishes a change to the log (<paramref name="logChange"/>, which may read segments), then writes the
    /// segments, the state that indexes them, and clears the slots it no longer refers to. If the change or a write
    /// fails, what is in memory is ahead of storage: this activation stops, and the account's retry brings the
    /// events again to the next one.
    /// </summary>
    private async Task SaveAsync(Func<Task>? logChange = null)
    {
        try
        {
            if (logChange is not null)
            {
                await logChange();
            }
            if (_log is { } log)
            {
                await log.WriteSegmentsAsync();
            }
            // A large state (or a cursor log's segments, written with it) is costly to rewrite for every event.
            state.State.MayHaveTail = _pending.Bytes > InboxRedoTail.Budget || _log is not null;
            await state.WriteStateAsync();
            _tail.Reset();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Fail(e);
            throw;
        }
        if (_log is { } written)
        {
            try
            {
                await written.ClearFreedAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A stale slot is harmless (no saved index refers to it); it is cleared at the next write.
                logger.CursorSlotClearFailed(Key, e.GetType().Name);
            }
        }
    }

    /// <summary>
    /// Saves accepted events in the redo tail only. The log's change stays in memory (its segments are written with
    /// the next full write); a new activation replays the tail into it.
    /// </summary>
    private async Task SaveTailAsync(Func<Task>? logChange, IReadOnlyList<byte[]> encoded)
    {
        try
        {
            if (logChange is not null)
            {
                await logChange();
            }
            await _tail.AppendAsync(encoded);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Fail(e);
            throw;
        }
    }

    private void Fail(Exception e)
    {
        logger.InboxWriteFailed(e, Key);
        _failed = true;
        DeactivateOnIdle();
        // Waiting polls end now, so the activation becomes idle and goes.
        var waiter = _arrived;
        _arrived = null;
        waiter?.TrySetResult();
    }
}
