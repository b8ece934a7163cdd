using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Inbox;

/// <summary>
/// The real inbox grain's cursor log in a real cluster (grain storage, interleaving calls), fed by the test so
/// sequence numbers and event kinds are exactly what each test sends.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CursorInboxTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_log_starts_at_the_first_cursor_poll_and_takes_every_event_unlike_mojos_list()
    {
        var key = AccountKey.WeChatClient("cursor-start");
        var inbox = fixture.Cluster.Client.GetGrain<IEventInboxGrain>(key);
        await inbox.AcceptAsync([Event(key, 1, "state_change"), Message(key, 2, "before")]);
        Assert.Null((await inbox.GetInfoAsync()).CursorStart);

        Assert.True((await inbox.PollCursorAsync(0, 100, TimeSpan.Zero)).IsEmpty); // before the log: not in it
        await inbox.AcceptAsync([Event(key, 3, "state_change"), Event(key, 4, "login"), Message(key, 5, "after")]);

        var batch = await inbox.PollCursorAsync(0, 100, TimeSpan.Zero);
        Assert.Equal([3L, 4L, 5L], batch.Events.Select(e => e.Seq));
        Assert.Equal(5, batch.LastSeq);
        var info = await inbox.GetInfoAsync();
        Assert.NotNull(info.LastEventTime);
        Assert.Equal(new InboxInfo(2, 5, 0, 0, 3, 0, 2, info.LastEventTime, MessagesIn: 2, MessagesOut: 0), info);
        // The admin console's ring takes every accepted event too, newest first, whatever the modes.
        Assert.Equal([5L, 4L, 3L, 2L, 1L], (await inbox.GetRecentAsync(50)).Select(e => e.Seq));
        Assert.Equal([2L, 5L], (await inbox.PeekAsync(TimeSpan.Zero)).Select(e => e.Seq));
    }

    [Fact]
    public async Task A_cursor_past_the_last_sequence_is_refused_and_starts_nothing()
    {
        var key = AccountKey.WeChatClient("cursor-ahead");
        var inbox = fixture.Cluster.Client.GetGrain<IEventInboxGrain>(key);
        await inbox.AcceptAsync([Message(key, 1, "one")]);

        var batch = await inbox.PollCursorAsync(2, 100, TimeSpan.FromSeconds(5));

        Assert.True(batch.CursorAhead);
        Assert.Equal(1, batch.LastSeq);
        Assert.Null((await inbox.GetInfoAsync()).CursorStart);
    }

    [Fact]
    public async Task Overlapping_cursor_polls_and_accepts_each_get_contiguous_events_after_their_cursor()
    {
        var key = AccountKey.WeChatClient("cursor-race");
        var inbox = fixture.Cluster.Client.GetGrain<IEventInboxGrain>(key);
        await inbox.PollCursorAsync(0, 100, TimeSpan.Zero);

        var polls = new List<(long Cursor, Task<CursorBatch> Answer)>();
        for (var seq = 1; seq <= 1000; seq += 5)
        {
            // Cursors lag behind what is accepted, and overlap one another.
            foreach (var cursor in new long[] { Math.Max(0, seq - 12), Math.Max(0, seq - 12), Math.Max(0, seq - 3) })
            {
                polls.Add((cursor, inbox.PollCursorAsync(cursor, 7, TimeSpan.FromSeconds(5))));
            }
            // The account delivers in order, one batch after the other; the polls interleave with it.
            await inbox.AcceptAsync([.. Enumerable.Range(seq, 5).Select(s => Message(key, s, $"m{s}"))]);
        }
        var answers = await Task.WhenAll(polls.Select(p => p.Answer));

        foreach (var (cursor, answer) in polls.Select((p, i) => (p.Cursor, answers[i])))
        {
            var seqs = answer.Events.Select(e => e.Seq).ToList();
            Assert.True(seqs.Count > 0, $"cursor {cursor}: empty answer");
            Assert.True(seqs.Count <= 7);
            Assert.All(seqs, s => Assert.True(s > cursor, $"cursor {cursor}: got {s}"));
            Assert.Equal(Enumerable.Range((int)seqs[0], seqs.Count).Select(s => (long)s), seqs);
            Assert.Null(answer.Lost);
        }
        // The highest cursor (993) acknowledged; a lagging cursor gets what is retained, without a gap.
        var rest = await inbox.PollCursorAsync(0, 100, TimeSpan.Zero);
        Assert.Equal(Enumerable.Range(994, 7).Select(s => (long)s), rest.Events.Select(e => e.Seq));
        Assert.Null(rest.Lost);
        var info = await Eventually.ValueAsync(inbox.GetInfoAsync, i => i.WaitingPolls == 0, Wait, "no waiting poll");
        Assert.Equal(7, info.Retained);
    }

    private static AccountEvent Message(string key, long seq, string content) => new()
    {
        AccountKey = key,
        Seq = seq,
        PostType = AccountEvent.ReceiveMessage,
        Message = new ChatMessage { Id = $"id{seq}", Content = content, Type = "friend_message", Class = "recv" },
        Time = DateTimeOffset.UtcNow,
    };

    private static AccountEvent Event(string key, long seq, string name) => new()
    {
        AccountKey = key,
        Seq = seq,
        PostType = AccountEvent.EventPost,
        Event = name,
        Time = DateTimeOffset.UtcNow,
    };
}
