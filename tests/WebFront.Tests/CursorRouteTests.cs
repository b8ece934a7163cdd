using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>check_event's cursor mode at the HTTP edge: how <c>cursor=</c> is read, refused, and answered.</summary>
public sealed class CursorRouteTests
{
    private static readonly Dictionary<string, string?> ShortHold = new()
    {
        ["App:Api:CheckEventHold"] = "00:00:01.2",
        ["App:Api:InboxPollWait"] = "00:00:00.4",
    };

    private static AccountEvent Message(long seq, string content) => new()
    {
        AccountKey = "wx/default",
        Seq = seq,
        PostType = AccountEvent.ReceiveMessage,
        Message = new ChatMessage { Id = $"m{seq}", Content = content, Sender = "小灰", SenderId = "@x" },
    };

    private static async Task<(ApiHost Host, FakeEventInboxGrain Inbox)> StartWithMessagesAsync(
        int count, Dictionary<string, string?>? settings = null)
    {
        var host = await ApiHost.StartAsync(settings ?? ShortHold);
        host.Grains.Running("default");
        var inbox = host.Grains.Inbox("default");
        for (var seq = 1; seq <= count; seq++)
        {
            inbox.Add(Message(seq, $"m{seq}"));
        }
        return (host, inbox);
    }

    [Theory]
    [InlineData("wx/default:2", 2)]
    [InlineData("2", 2)]
    [InlineData("0", 0)]
    [InlineData("", 0)]
    [InlineData("wx/default:0", 0)]
    public async Task A_cursor_in_the_query_is_an_event_id_or_a_sequence_number(string cursor, long expected)
    {
        var (host, inbox) = await StartWithMessagesAsync(3);
        await using var _ = host;

        var json = await host.GetJsonAsync($"/openwx/check_event?cursor={Uri.EscapeDataString(cursor)}");

        Assert.Equal(expected, Assert.Single(inbox.CursorPolls).Cursor);
        var ids = json!.AsArray().Select(e => (string?)e!["event_id"]).ToList();
        Assert.Equal(Enumerable.Range((int)expected + 1, 3 - (int)expected).Select(i => $"wx/default:{i}"), ids);
    }

    [Fact]
    public async Task A_cursor_comes_also_from_a_form_or_a_json_body()
    {
        var (host, inbox) = await StartWithMessagesAsync(3);
        await using var _ = host;

        var form = await host.PostFormAsync("/openwx/check_event", new Dictionary<string, string> { ["cursor"] = "wx/default:1" });
        using var body = new StringContent("""{"cursor":2}""", Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync("/openwx/check_event", body);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal([1L, 2L], inbox.CursorPolls.Select(p => p.Cursor));
        Assert.Equal("m2", (string?)form![0]!["content"]);
        Assert.Equal("m3", (string?)Assert.Single(json!.AsArray())!["content"]);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.5")]
    [InlineData(" 1")]
    [InlineData("wx/default:")]
    [InlineData("wx/default:x")]
    [InlineData("wx/other:1")]
    [InlineData("default:1")]
    [InlineData("99999999999999999999")]
    public async Task A_malformed_or_foreign_cursor_is_refused_with_400_before_the_inbox_is_asked(string cursor)
    {
        var (host, inbox) = await StartWithMessagesAsync(1);
        await using var _ = host;

        using var response = await host.Client.GetAsync($"/openwx/check_event?cursor={Uri.EscapeDataString(cursor)}");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(EventCursor.InvalidCode, (int)json["code"]!);
        Assert.StartsWith("invalid cursor", (string?)json["status"]);
        Assert.Empty(inbox.CursorPolls);
        Assert.Equal(1, (await inbox.GetInfoAsync()).Pending);
    }

    [Fact]
    public async Task A_cursor_past_the_last_event_is_refused_with_400()
    {
        var (host, _) = await StartWithMessagesAsync(2);
        await using var __ = host;

        using var response = await host.Client.GetAsync("/openwx/check_event?cursor=wx/default:3");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(EventCursor.InvalidCode, (int)json["code"]!);
        Assert.Equal("invalid cursor: 3 is past the last event (2)", (string?)json["status"]);
    }

    [Fact]
    public async Task Dropped_events_come_first_as_one_events_lost_entry()
    {
        var (host, inbox) = await StartWithMessagesAsync(0);
        await using var _ = host;
        var dropped = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
        inbox.Lost = new EventGap(1, 4, dropped);
        inbox.Add(Message(5, "m5"));

        var json = (await host.GetJsonAsync("/openwx/check_event?cursor=0"))!.AsArray();

        Assert.Equal(
            $$"""{"post_type":"event","event":"events_lost","params":[1,4],"event_id":"wx/default:4","event_time":{{dropped.ToUnixTimeSeconds()}}}""",
            json[0]!.ToJsonString());
        Assert.Equal("m5", (string?)json[1]!["content"]);
        Assert.Equal(2, json.Count);
    }

    [Fact]
    public async Task A_cursor_poll_asks_for_the_configured_batch_and_leaves_the_mojo_list_alone()
    {
        var settings = new Dictionary<string, string?>(ShortHold) { ["App:Api:CursorBatchSize"] = "2" };
        var (host, inbox) = await StartWithMessagesAsync(3, settings);
        await using var _ = host;

        var json = (await host.GetJsonAsync("/openwx/check_event?cursor=0"))!.AsArray();

        Assert.Equal(2, Assert.Single(inbox.CursorPolls).MaxCount);
        Assert.Equal(["m1", "m2"], json.Select(e => (string?)e!["content"]));
        // Mojo's list is only emptied by a Mojo-mode answer.
        Assert.Equal(3, (await inbox.GetInfoAsync()).Pending);
    }

    [Fact]
    public async Task A_cursor_poll_with_nothing_after_the_cursor_holds_then_answers_an_empty_array()
    {
        var (host, inbox) = await StartWithMessagesAsync(2);
        await using var _ = host;

        using var response = await host.Client.GetAsync("/openwx/check_event?cursor=2");

        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
        // However many short inbox waits the hold took, each asked again with the same cursor.
        Assert.NotEmpty(inbox.CursorPolls);
        Assert.All(inbox.CursorPolls, p => Assert.Equal(2, p.Cursor));
    }
}
