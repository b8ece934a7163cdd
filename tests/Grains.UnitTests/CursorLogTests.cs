using OpenWxCluster.Grains.Events;

namespace OpenWxCluster.Grains.UnitTests;

/// <summary>
/// The cursor log on its own, over a dictionary store: answers, acknowledgement, overflow gaps, and the storage and
/// memory bounds of its segments. "Saving" is what the grain does after each change: segments, then the index
/// (copied through the Orleans serializer, as grain state is), then the clearing of freed slots.
/// </summary>
public sealed class CursorLogTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly MemorySegmentStore _store = new();
    private CursorLogState _state = new();
    private CursorLogState _saved = new();
    private CursorLog _log;

    public CursorLogTests() => _log = Open(segmentSize: 2);

    [Fact]
    public async Task Events_after_the_cursor_come_in_order_up_to_the_batch_size()
    {
        await AppendAsync(1, 7, capacity: 100);

        Assert.Equal([3L, 4L, 5L], Seqs(await _log.ReadAsync(2, 3)));
        Assert.Equal([6L, 7L], Seqs(await _log.ReadAsync(5, 10)));
        Assert.Empty(Seqs(await _log.ReadAsync(7, 10)));
    }

    [Fact]
    public async Task Answering_removes_nothing_only_a_cursor_acknowledges()
    {
        await AppendAsync(1, 5, capacity: 100);

        Assert.Equal([1L, 2L, 3L, 4L, 5L], Seqs(await _log.ReadAsync(0, 10)));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], Seqs(await _log.ReadAsync(0, 10)));
        Assert.True(await _log.AcknowledgeAsync(3));
        Assert.False(await _log.AcknowledgeAsync(2));

        Assert.Equal(2, _log.Retained);
        Assert.Equal([4L, 5L], Seqs(await _log.ReadAsync(0, 10)));
        Assert.Null((await _log.ReadAsync(0, 10)).Lost); // acknowledged, not lost
    }

    [Fact]
    public async Task A_full_log_drops_the_oldest_and_reports_them_as_one_gap_to_cursors_before_them()
    {
        await AppendAsync(1, 8, capacity: 5);

        Assert.Equal(5, _log.Retained);
        Assert.Equal(3, _state.Dropped);
        var fromStart = await _log.ReadAsync(0, 10);
        Assert.Equal(new EventGap(1, 3, Now), fromStart.Lost);
        Assert.Equal([4L, 5L, 6L, 7L, 8L], Seqs(fromStart));
        Assert.Equal(new EventGap(3, 3, Now), (await _log.ReadAsync(2, 10)).Lost);
        Assert.Null((await _log.ReadAsync(3, 10)).Lost);
    }

    [Fact]
    public async Task Drops_without_an_acknowledgement_between_extend_the_run_and_after_one_start_a_new_run()
    {
        await AppendAsync(1, 8, capacity: 5);
        await AppendAsync(9, 9, capacity: 5);
        Assert.Equal(new EventGap(1, 4, Now), (await _log.ReadAsync(0, 10)).Lost);

        Assert.True(await _log.AcknowledgeAsync(6));
        await AppendAsync(10, 14, capacity: 5);

        var batch = await _log.ReadAsync(6, 10);
        Assert.Equal(new EventGap(7, 9, Now), batch.Lost);
        Assert.Equal([10L, 11L, 12L, 13L, 14L], Seqs(batch));
        Assert.Equal(7, _state.Dropped);
    }

    [Fact]
    public async Task Accepting_an_event_rewrites_only_the_last_segment()
    {
        _log = Open(segmentSize: 4);
        for (var seq = 1; seq <= 40; seq++)
        {
            await AppendAsync(seq, seq, capacity: 1000);
        }

        Assert.Equal(40, _store.WriteSizes.Count);
        Assert.All(_store.WriteSizes, size => Assert.InRange(size, 1, 4));
        Assert.Equal(10, _store.Slots.Count);
    }

    [Fact]
    public async Task Slots_of_removed_segments_are_cleared_and_reused_so_stored_rows_stay_bounded()
    {
        for (var seq = 1; seq <= 100; seq++)
        {
            await AppendAsync(seq, seq, capacity: 6);
            if (seq % 7 == 0)
            {
                await _log.AcknowledgeAsync(seq - 3);
                await SaveAsync();
            }
        }

        Assert.InRange(_store.Slots.Count, 1, 4); // 6 events in segments of 2, plus the one being filled
        Assert.All(_store.Slots, slot => Assert.InRange(slot, 0, 4));
        Assert.Equal([96L, 97L, 98L, 99L, 100L], Seqs(await _log.ReadAsync(0, 10))); // acknowledged up to 95
    }

    [Fact]
    public async Task Only_a_few_segments_stay_in_memory_however_much_is_read()
    {
        _log = Open(segmentSize: 10);
        await AppendAsync(1, 1000, capacity: 1000);
        _log = Reopen(segmentSize: 10);

        var all = await _log.ReadAsync(0, 1000);

        Assert.Equal(1000, all.Events.Count);
        Assert.InRange(_log.LoadedSegments, 1, 3);
    }

    [Fact]
    public async Task A_log_reopened_from_its_saved_index_answers_the_same()
    {
        await AppendAsync(1, 9, capacity: 6);
        await _log.AcknowledgeAsync(5);
        await SaveAsync();
        var before = await _log.ReadAsync(0, 10);

        _log = Reopen(segmentSize: 2);
        var after = await _log.ReadAsync(0, 10);

        Assert.Equal(Seqs(before), Seqs(after));
        Assert.Equal([6L, 7L, 8L, 9L], Seqs(after));
        Assert.Equal(before.Lost, after.Lost);
    }

    [Fact]
    public async Task Events_saved_in_a_segment_whose_index_was_never_saved_are_ignored_and_taken_again_once()
    {
        await AppendAsync(1, 3, capacity: 100);
        // A crash between the segment write and the index write.
        await _log.AppendAsync([Event(4), Event(5)], 100, Now);
        await _log.WriteSegmentsAsync();

        _log = Reopen(segmentSize: 2);
        Assert.Equal([1L, 2L, 3L], Seqs(await _log.ReadAsync(0, 10)));
        // The account's retry brings them again.
        await AppendAsync(4, 5, capacity: 100);

        Assert.Equal([1L, 2L, 3L, 4L, 5L], Seqs(await _log.ReadAsync(0, 10)));
    }

    [Fact]
    public async Task Has_news_after_a_cursor_only_for_later_events_or_a_gap()
    {
        Assert.False(_log.HasNewsAfter(0));
        await AppendAsync(1, 3, capacity: 100);
        Assert.True(_log.HasNewsAfter(2));
        Assert.False(_log.HasNewsAfter(3));


        await AppendAsync(4, 6, capacity: 2);
        Assert.True(await _log.AcknowledgeAsync(6));
        Assert.True(_log.HasNewsAfter(3)); // nothing retained, but 4 was dropped after it
        Assert.False(_log.HasNewsAfter(4));
    }

    private CursorLog Open(int segmentSize) => new(_state, _store, segmentSize);

    /// <summary>A new activation: the saved index (as the serializer returns it) over the same store.</summary>
    private CursorLog Reopen(int segmentSize)
    {
        _state = OrleansRoundTrip.Copy(_saved);
        return Open(segmentSize);
    }

    private async Task AppendAsync(long first, long last, int capacity)
    {
        var events = new List<AccountEvent>();
        for (var seq = first; seq <= last; seq++)
        {
            events.Add(Event(seq));
        }
        await _log.AppendAsync(events, capacity, Now);
        await SaveAsync();
    }

    private async Task SaveAsync()
    {
        await _log.WriteSegmentsAsync();
        _saved = OrleansRoundTrip.Copy(_state);
        await _log.ClearFreedAsync();
    }

    private static AccountEvent Event(long seq) => new()
    {
        AccountKey = "wx/unit",
        Seq = seq,
        PostType = AccountEvent.EventPost,
        Event = "state_change",
        Time = Now,
    };

    private static List<long> Seqs(CursorBatch batch) => [.. batch.Events.Select(e => e.Seq)];
}
