using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Inbox;

/// <summary>
/// The real check_event inbox grain in a real cluster, fed the way the account's outbox feeds it but by the test,
/// so sequence numbers, replays and event kinds are exactly what each test sends.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class InboxTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_full_inbox_keeps_the_newest_events_and_counts_the_dropped_oldest()
    {
        var key = AccountKey.WeChatClient("inbox-capacity");
        var inbox = fixture.Cluster.Client.GetGrain<IEventInboxGrain>(key);
        for (var seq = 1; seq <= 25; seq++)
        {
            await inbox.AcceptAsync([Message(key, seq, $"m{seq}")]);
        }
        var info = await WaitForInfoAsync(inbox, i => i.LastSeq == 25);

        Assert.Equal(20, info.Pending); // the configured capacity (Mojo's 20)
        Assert.Equal(5, info.Dropped);
        var polled = await inbox.PeekAsync(TimeSpan.Zero);
        Assert.Equal(Enumerable.Range(6, 20).Select(i => $"m{i}"), polled.Select(e => e.Message!.Content));
        await inbox.AcknowledgeAsync(polled[^1].Seq);
        Assert.Equal(0, (await inbox.GetInfoAsync()).Pending);
    }

    [Fact]
    public async Task A_replayed_event_is_queued_once()
    {
        var key = AccountKey.WeChatClient("inbox-dedupe");
        var inbox = fixture.Cluster.Client.GetGrain<IEventInboxGrain>(key);
        await inbox.AcceptAsync([Message(key, 1, "first")]);
        await inbox.AcceptAsync([Message(key, 2, "second")]);
        // At-least-once redelivery after a failover: the same sequence numbers again (content differs so a
        // wrongly queued copy is visible).
        await inbox.AcceptAsync([Message(key, 2, "second again")]);
        await inbox.AcceptAsync([Message(key, 1, "first again")]);
        await inbox.AcceptAsync([Message(key, 3, "third")]);
        await WaitForInfoAsync(inbox, i => i.LastSeq == 3);

        var polled = await inbox.PeekAsync(TimeSpan.Zero);
        Assert.Equal(["first", "second", "third"], polled.Select(e => e.Message!.Content));
    }

    [Fact]
    public async Task Only_messages_and_contact_events_are_queued_for_check_event()
    {
        var key = AccountKey.WeChatClient("inbox-filter");
        var inbox = fixture.Cluster.Client.GetGrain<IEventInboxGrain>(key);
        await inbox.AcceptAsync([Event(key, 1, "state_change")]);
        await inbox.AcceptAsync([Event(key, 2, "login")]);
        await inbox.AcceptAsync([Event(key, 3, "input_qrcode")]);
        await inbox.AcceptAsync([Event(key, 4, "new_friend")]);
        await inbox.AcceptAsync([Event(key, 5, "stop")]);
        await inbox.AcceptAsync([Event(key, 6, "friend_request")]);
        await inbox.AcceptAsync([Event(key, 7, "group_property_change")]);
        await inbox.AcceptAsync([Message(key, 8, "hello")]);
        await WaitForInfoAsync(inbox, i => i.LastSeq == 8);

        var polled = await inbox.PeekAsync(TimeSpan.Zero);
        Assert.Equal([4L, 6L, 7L, 8L], polled.Select(e => e.Seq));
    }

    [Fact]
    public async Task A_waiting_poll_is_woken_by_the_next_event()
    {
        var key = AccountKey.WeChatClient("inbox-wake");
        var inbox = fixture.Cluster.Client.GetGrain<IEventInboxGrain>(key);
        // A hold far longer than the bound below: only the wake-up can end the poll in time.
        var poll = inbox.PeekAsync(TimeSpan.FromSeconds(120));
        await WaitForInfoAsync(inbox, i => i.WaitingPolls == 1);

        await inbox.AcceptAsync([Message(key, 1, "wake up")]);
        var polled = await poll.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("wake up", Assert.Single(polled).Message!.Content);
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

    private static Task<InboxInfo> WaitForInfoAsync(IEventInboxGrain inbox, Func<InboxInfo, bool> predicate) =>
        Eventually.ValueAsync(inbox.GetInfoAsync, predicate, Wait, "inbox state");
}
