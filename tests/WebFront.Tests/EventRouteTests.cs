using System.Diagnostics;

namespace OpenWxCluster.WebFront.Tests;

public sealed class EventRouteTests
{
    private static readonly Dictionary<string, string?> ShortHold = new()
    {
        ["App:Api:CheckEventHold"] = "00:00:01.2",
        ["App:Api:InboxPollWait"] = "00:00:00.4",
    };

    /// <summary>A hold no busy machine outlasts, for tests where the request must end by something else.</summary>
    private static readonly Dictionary<string, string?> LongHold = new()
    {
        ["App:Api:CheckEventHold"] = "00:01:00",
        ["App:Api:InboxPollWait"] = "00:00:00.2",
    };

    /// <summary>How long to wait for a signal that should come at once; only a bug gets near it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static AccountEvent Message(long seq, string content) => new()
    {
        AccountKey = "wx/default",
        Seq = seq,
        PostType = AccountEvent.ReceiveMessage,
        Message = new ChatMessage { Id = $"m{seq}", Content = content, Sender = "小灰", SenderId = "@x" },
    };

    [Fact]
    public async Task Pending_events_are_returned_at_once_as_an_array()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("default");
        var inbox = host.Grains.Inbox("default");
        inbox.Add(Message(1, "one"));
        inbox.Add(new AccountEvent
        {
            AccountKey = "wx/default", Seq = 2, PostType = AccountEvent.EventPost, Event = "new_friend",
            Params = [EventParam.Of(new ContactInfo { Id = "@f" })],
        });

        var json = await host.GetJsonAsync("/openwx/check_event");

        var events = json!.AsArray();
        Assert.Equal(2, events.Count);
        Assert.Equal("receive_message", (string?)events[0]!["post_type"]);
        Assert.Equal("one", (string?)events[0]!["content"]);
        Assert.Equal("new_friend", (string?)events[1]!["event"]);
        Assert.Equal("@f", (string?)events[1]!["params"]![0]!["id"]);
        Assert.Equal(0, (await inbox.GetInfoAsync()).Pending);
    }

    [Fact]
    public async Task An_event_arriving_during_the_hold_ends_the_poll()
    {
        await using var host = await ApiHost.StartAsync(LongHold);
        host.Grains.Running("default");
        var inbox = host.Grains.Inbox("default");

        var poll = host.GetJsonAsync("/openwx/check_event");
        await inbox.PollWaiting.WaitAsync(Patience);
        inbox.Add(Message(3, "late"));
        // The end of the 60 s hold would answer [] (and fail below); the bound only makes such a failure quick.
        var json = await poll.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("late", (string?)json![0]!["content"]);
    }

    [Fact]
    public async Task Timeout_answers_an_empty_array_after_the_hold_using_short_inbox_waits()
    {
        await using var host = await ApiHost.StartAsync(ShortHold);
        host.Grains.Running("default");
        var inbox = host.Grains.Inbox("default");
        var clock = Stopwatch.StartNew();

        using var response = await host.Client.GetAsync("/openwx/check_event");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("[]", text);
        // Not before the 1.2 s hold; the upper bound only catches a hold that never ends, so it is generous.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.1), TimeSpan.FromSeconds(15));
        // The hold is made of inbox waits no longer than InboxPollWait. How many it takes depends on how long each
        // wait really lasts, which on a loaded machine can be well past 0.4 s, so only the bound is asserted.
        Assert.NotEmpty(inbox.Waits);
        Assert.All(inbox.Waits, w => Assert.True(w <= TimeSpan.FromSeconds(0.4), w.ToString()));
    }

    [Fact]
    public async Task Polling_stops_when_the_request_is_aborted()
    {
        await using var host = await ApiHost.StartAsync(LongHold);
        host.Grains.Running("default");
        var inbox = host.Grains.Inbox("default");
        using var cancel = new CancellationTokenSource();

        var poll = host.Client.GetAsync("/openwx/check_event", cancel.Token);
        await inbox.PollWaiting.WaitAsync(Patience);
        await cancel.CancelAsync();

        // The handler ends within one 0.2 s inbox wait of the abort, far inside the 60 s hold. This bound is the
        // test: the TestServer client only reports the cancellation once the handler has returned.
        await host.Handled.WaitForAsync(1, TimeSpan.FromSeconds(20));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll);
        // Nothing polls the inbox any more, so a later event stays there for the next poller.
        inbox.Add(Message(4, "kept"));
        Assert.Equal(1, (await inbox.GetInfoAsync()).Pending);
    }

    [Fact]
    public async Task Check_event_of_unknown_client_is_client_not_exists()
    {
        await using var host = await ApiHost.StartAsync();

        var json = await host.GetJsonAsync("/openwx/check_event?client=ghost");

        Assert.Equal("""{"code":1,"status":"client not exists"}""", json!.ToJsonString());
    }

    [Fact]
    public async Task Check_event_works_before_the_account_is_running()
    {
        await using var host = await ApiHost.StartAsync(ShortHold);
        host.Grains.Account("default").SetState(ClientState.Scaning);
        host.Grains.Inbox("default").Add(Message(5, "early"));

        var json = await host.GetJsonAsync("/openwx/check_event");

        Assert.Equal("early", (string?)json![0]!["content"]);
    }
}
