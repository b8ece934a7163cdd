using System.Net;
using System.Text.Json;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// check_event?cursor= against the real inbox, web front and emulator: answers remove nothing, the cursor
/// acknowledges, and Mojo's mode on the same account keeps its own events.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CursorModeTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Cursor_mode_delivers_every_message_exactly_once_across_several_polls()
    {
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("cwaves", "WavesPal");
        var api = new OpenWxHttpApi(fixture.Http);
        await api.LoginAsync(world, "cwaves", "cwaves_bot");
        var ledger = await StartCursorLedgerAsync(api, "cwaves");

        var sent = new List<string>();
        for (var wave = 1; wave <= 3; wave++)
        {
            var contents = Enumerable.Range(1, 4).Select(i => $"wave {wave} #{i}").ToList();
            foreach (var content in contents)
            {
                world.SendText("cwaves_pal", "cwaves_bot", content);
            }
            sent.AddRange(contents);
            await ledger.CollectUntilAsync(contents[^1], Wait);
        }
        world.SendText("cwaves_pal", "cwaves_bot", "barrier");
        await ledger.CollectUntilAsync("barrier", Wait);

        ledger.AssertExactlyOnce(["warmup", .. sent, "barrier"]);
        Assert.Equal(sent.Prepend("warmup").Append("barrier"), ledger.Received);
        var seqs = ledger.Entries.Select(e => Seq(e.GetProperty("event_id").GetString()!)).ToList();
        Assert.Equal(seqs.Order(), seqs);
        Assert.Equal(seqs.Count, seqs.Distinct().Count());
        Assert.Empty(ledger.Lost);
    }

    [Fact]
    public async Task A_cursor_client_that_goes_away_mid_poll_loses_nothing()
    {
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("cgone", "CGonePal");
        var api = new OpenWxHttpApi(fixture.Http);
        await api.LoginAsync(world, "cgone", "cgone_bot");
        var ledger = await StartCursorLedgerAsync(api, "cgone");
        var cursor = Uri.EscapeDataString(ledger.Cursor!);

        using (var cancel = new CancellationTokenSource())
        {
            var abortedBefore = fixture.Web.AbortedRequests;
            var poll = fixture.Http.GetAsync($"openwx/check_event?client=cgone&cursor={cursor}", cancel.Token);
            await WaitForCursorLogAsync("cgone", info => info.WaitingPolls > 0);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll);
            await Eventually.TrueAsync(() => Task.FromResult(fixture.Web.AbortedRequests > abortedBefore), Wait, "the server seeing the abort");
        }
        // Wakes the abandoned poll, whose client is gone: its answer is lost, the event must not be.
        var retained = (await WaitForCursorLogAsync("cgone", _ => true)).Retained;
        world.SendText("cgone_pal", "cgone_bot", "while nobody listens");
        await WaitForCursorLogAsync("cgone", info => info.Retained > retained && info.WaitingPolls == 0);

        var again = await api.GetAsync("check_event", ("client", "cgone"), ("cursor", ledger.Cursor!));
        var repeated = await api.GetAsync("check_event", ("client", "cgone"), ("cursor", ledger.Cursor!));
        Assert.Contains("while nobody listens", again.EnumerateArray().Select(Content));
        Assert.Equal(Ids(again), Ids(repeated)); // answering removed nothing

        world.SendText("cgone_pal", "cgone_bot", "barrier");
        await ledger.CollectUntilAsync("barrier", Wait);
        ledger.AssertExactlyOnce(["warmup", "while nobody listens", "barrier"]);
    }

    [Fact]
    public async Task Concurrent_cursor_pollers_each_get_the_events_after_their_cursor_and_mojo_mode_keeps_its_own()
    {
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("cmany", "ManyPal");
        var api = new OpenWxHttpApi(fixture.Http);
        await api.LoginAsync(world, "cmany", "cmany_bot");
        var key = AccountKey.WeChatClient("cmany");
        var cursor = await StartCursorLedgerAsync(api, "cmany");
        var last = Seq(cursor.Cursor!);

        // Two pollers with the same cursor, one as an event id and one as a bare number, both waiting...
        var byId = api.GetAsync("check_event", ("client", "cmany"), ("cursor", $"{key}:{last}"));
        var bySeq = api.GetAsync("check_event", ("client", "cmany"), ("cursor", $"{last}"));
        await WaitForCursorLogAsync("cmany", info => info.WaitingPolls == 2);
        // ...and a lagging one: what the others acknowledged is gone, so it waits for what comes after.
        var lagging = api.GetAsync("check_event", ("client", "cmany"), ("cursor", "0"));
        await WaitForCursorLogAsync("cmany", info => info.WaitingPolls == 3);
        world.SendText("cmany_pal", "cmany_bot", "together");

        var answers = await Task.WhenAll(byId, bySeq, lagging);
        var together = answers.Select(a => a.EnumerateArray().Single(e => Content(e) == "together")).ToList();
        Assert.Single(together.Select(e => e.GetProperty("event_id").GetString()).Distinct());
        Assert.All(answers, a => Assert.All(a.EnumerateArray(), e => Assert.True(Seq(e.GetProperty("event_id").GetString()!) > last)));

        // Mojo's list and the cursor log are separate: each consumer gets every message once.
        var mojo = new DeliveryLedger(api, "cmany");
        world.SendText("cmany_pal", "cmany_bot", "barrier");
        await Task.WhenAll(mojo.CollectUntilAsync("barrier", Wait), cursor.CollectUntilAsync("barrier", Wait));
        mojo.AssertExactlyOnce(["warmup", "together", "barrier"]);
        cursor.AssertExactlyOnce(["warmup", "together", "barrier"]);
    }

    [Fact]
    public async Task The_cursor_log_also_takes_the_life_cycle_events_that_mojo_mode_never_queues()
    {
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("clife", "LifePal");
        var api = new OpenWxHttpApi(fixture.Http);
        Assert.Equal(0, (await api.GetAsync("start_client", ("client", "clife"))).GetProperty("code").GetInt32());
        await api.WaitForStateAsync("clife", "scaning");
        var cursor = DeliveryLedger.CursorMode(api, "clife");
        var first = cursor.PollOnceAsync();
        await WaitForCursorLogAsync("clife", _ => true);

        var qr = await fixture.Http.GetByteArrayAsync("openwx/get_qrcode?client=clife");
        await api.ScanAndConfirmAsync(world, "clife", "clife_bot", qr);
        await first;
        world.SendText("clife_pal", "clife_bot", "barrier");
        var mojo = new DeliveryLedger(api, "clife");
        await Task.WhenAll(mojo.CollectUntilAsync("barrier", Wait), cursor.CollectUntilAsync("barrier", Wait));

        var cursorEvents = EventNames(cursor);
        Assert.Contains("login", cursorEvents);
        Assert.Contains("state_change", cursorEvents);
        var mojoEvents = EventNames(mojo);
        Assert.DoesNotContain("login", mojoEvents);
        Assert.DoesNotContain("state_change", mojoEvents);
        mojo.AssertExactlyOnce(["barrier"]);
        cursor.AssertExactlyOnce(["barrier"]);
    }

    [Fact]
    public async Task A_cursor_past_the_last_event_is_refused()
    {
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("cfuture", "FuturePal");
        var api = new OpenWxHttpApi(fixture.Http);
        await api.LoginAsync(world, "cfuture", "cfuture_bot");
        var inbox = fixture.Cluster.Client.GetGrain<IEventInboxGrain>(AccountKey.WeChatClient("cfuture"));
        var last = (await inbox.GetInfoAsync()).LastSeq;

        using var response = await fixture.Http.GetAsync($"openwx/check_event?client=cfuture&cursor=wx/cfuture:{last + 1000}");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(-3, json.GetProperty("code").GetInt32());
        Assert.StartsWith("invalid cursor", json.GetProperty("status").GetString());
        Assert.Null((await inbox.GetInfoAsync()).CursorStart); // a refused poll does not start the log
    }

    /// <summary>
    /// A cursor-mode consumer whose first poll started the log and has received a warm-up message, so whatever the
    /// login emitted is behind its cursor and the test's own messages are what comes next.
    /// </summary>
    private async Task<DeliveryLedger> StartCursorLedgerAsync(OpenWxHttpApi api, string client)
    {
        var ledger = DeliveryLedger.CursorMode(api, client);
        var first = ledger.PollOnceAsync();
        await WaitForCursorLogAsync(client, _ => true);
        fixture.Emulator.World.SendText($"{client}_pal", $"{client}_bot", "warmup");
        await first;
        await ledger.CollectUntilAsync("warmup", Wait);
        return ledger;
    }

    private Task<InboxInfo> WaitForCursorLogAsync(string client, Func<InboxInfo, bool> predicate)
    {
        var inbox = fixture.Cluster.Client.GetGrain<IEventInboxGrain>(AccountKey.WeChatClient(client));
        return Eventually.ValueAsync(inbox.GetInfoAsync, i => i.CursorStart is not null && predicate(i), Wait, "the cursor log");
    }

    private static List<string> EventNames(DeliveryLedger ledger) =>
        [.. ledger.Entries.Where(e => e.GetProperty("post_type").GetString() == "event").Select(e => e.GetProperty("event").GetString()!)];

    private static string? Content(JsonElement e) => e.TryGetProperty("content", out var c) ? c.GetString() : null;

    private static List<string?> Ids(JsonElement answer) => [.. answer.EnumerateArray().Select(e => e.GetProperty("event_id").GetString())];

    internal static long Seq(string eventId) => long.Parse(eventId[(eventId.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
