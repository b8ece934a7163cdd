using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Serialization;
using OpenWxCluster.Grains.Events;

namespace OpenWxCluster.Cluster.Tests.Inbox;

/// <summary>
/// Once the saved inbox is large, an accepted event is saved in the small redo tail instead of a rewrite of the whole
/// state, and a new activation replays the tail. Judged by what grain storage holds and what a new activation
/// answers: nothing accepted is lost or served twice, acknowledgements stay done.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class InboxRedoTailTests(ClusterFixture fixture)
{
    private static readonly string Long = new('x', 300);

    private Serializer<AccountEvent> Serializer => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<Serializer<AccountEvent>>();

    [Fact]
    public async Task A_large_saved_inbox_keeps_further_events_in_its_tail_and_storage_always_holds_each_event_once()
    {
        const string key = "wx/tail-writes";
        var inbox = fixture.Cluster.Client.ForKey<IEventInboxGrain>(key);
        var sizes = new List<int>();
        var stateWrites = new List<bool>();
        long savedSeq = 0;
        for (var seq = 1; seq <= 30; seq++)
        {
            var e = TestEvents.Message(key, seq, Long);
            sizes.Add(Serializer.SerializeToArray(e).Length);
            await inbox.AcceptAsync([e]);

            var (state, tail) = await StoredAsync(inbox);
            stateWrites.Add(state.LastSeq != savedSeq);
            savedSeq = state.LastSeq;
            // What a new activation would read: the state's events, then the tail's newer ones, each once.
            // (The saved list may still hold events the replay drops again as the oldest beyond 20.)
            List<long> saved = [.. Pending(state), .. tail.Select(b => Serializer.Deserialize(b)!.Seq).Where(s => s > state.LastSeq)];
            Assert.True(saved[0] <= Math.Max(1, seq - 19), $"event {seq - 19} is missing");
            Assert.Equal(Enumerable.Range((int)saved[0], seq - (int)saved[0] + 1).Select(i => (long)i), saved);
        }

        Assert.Equal(ExpectedStateWrites(sizes), stateWrites);
        Assert.Contains(false, stateWrites);
    }

    [Fact]
    public async Task A_new_activation_serves_events_saved_only_in_the_tail_once_each()
    {
        const string key = "wx/tail-replay";
        var inbox = fixture.Cluster.Client.ForKey<IEventInboxGrain>(key);
        for (var seq = 1; seq <= 25; seq++)
        {
            await inbox.AcceptAsync([TestEvents.Message(key, seq, $"m{seq} {Long}")]);
        }
        Assert.True((await StoredAsync(inbox)).State.LastSeq < 25, "the newest events are in the tail only");

        await inbox.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        await inbox.AcceptAsync([TestEvents.Message(key, 24, "replayed"), TestEvents.Message(key, 25, "replayed"), TestEvents.Message(key, 26, $"m26 {Long}")]);

        var info = await inbox.GetInfoAsync();
        Assert.Equal((26L, 20, 6L, 26L), (info.LastSeq, info.Pending, info.Dropped, info.MessagesIn));
        var polled = await inbox.PeekAsync(TimeSpan.Zero);
        Assert.Equal(Enumerable.Range(7, 20).Select(i => $"m{i}"), polled.Select(e => e.Message!.Content.Split(' ')[0]));
    }

    [Fact]
    public async Task A_new_activation_ignores_tail_events_already_saved_and_keeps_acknowledgements()
    {
        const string key = "wx/tail-stale";
        var inbox = fixture.Cluster.Client.ForKey<IEventInboxGrain>(key);
        var seq = 0L;
        (InboxState State, List<byte[]> Tail) stored;
        do
        {
            seq++;
            await inbox.AcceptAsync([TestEvents.Message(key, seq, Long)]);
            stored = await StoredAsync(inbox);
        }
        while (seq <= 20 || stored.State.LastSeq != seq || stored.Tail.Count == 0);
        // Just written in full: every event the saved tail still holds is in the saved state too.

        await inbox.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.Equal(Enumerable.Range((int)seq - 19, 20).Select(i => (long)i), (await inbox.PeekAsync(TimeSpan.Zero)).Select(e => e.Seq));
        Assert.Equal(seq, (await inbox.GetInfoAsync()).LastSeq);

        await inbox.AcknowledgeAsync(seq);
        await inbox.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.Empty(await inbox.PeekAsync(TimeSpan.Zero));
        await inbox.AcceptAsync([TestEvents.Message(key, seq + 1, Long)]);
        Assert.Equal([seq + 1], (await inbox.PeekAsync(TimeSpan.Zero)).Select(e => e.Seq));
    }

    [Fact]
    public async Task A_cursor_log_gets_the_events_saved_only_in_the_tail_back_after_a_new_activation()
    {
        const string key = "wx/tail-cursor";
        var inbox = fixture.Cluster.Client.ForKey<IEventInboxGrain>(key);
        Assert.True((await inbox.PollCursorAsync(0, 100, TimeSpan.Zero)).IsEmpty); // the log starts here
        for (var seq = 1; seq <= 3; seq++)
        {
            await inbox.AcceptAsync([TestEvents.Message(key, seq, "short")]);
        }
        Assert.True((await StoredAsync(inbox)).State.LastSeq < 3, "the newest events are in the tail only");

        await inbox.AsReference<IGrainManagementExtension>().DeactivateOnIdle();

        Assert.Equal([1L, 2L, 3L], (await inbox.PollCursorAsync(0, 100, TimeSpan.Zero)).Events.Select(e => e.Seq));
    }

    /// <summary>The inbox's rule, from the outside: a full write whenever the saved state is small or the tail is full.</summary>
    private static List<bool> ExpectedStateWrites(List<int> sizes)
    {
        var writes = new List<bool>();
        var pending = new Queue<int>();
        var (mayHaveTail, tailBytes) = (false, 0);
        foreach (var size in sizes)
        {
            pending.Enqueue(size);
            if (pending.Count > 20)
            {
                pending.Dequeue();
            }
            var toTail = mayHaveTail && tailBytes + size <= InboxRedoTail.Budget;
            writes.Add(!toTail);
            (mayHaveTail, tailBytes) = toTail ? (true, tailBytes + size) : (pending.Sum() > InboxRedoTail.Budget, 0);
        }
        return writes;
    }

    private IEnumerable<long> Pending(InboxState state) => state.PendingEncoded.Select(b => Serializer.Deserialize(b)!.Seq);

    private Task<(InboxState State, List<byte[]> Tail)> StoredAsync(IEventInboxGrain inbox) =>
        SavedInbox.ReadAsync(fixture.Cluster.Silos[0].ServiceProvider, inbox);
}
