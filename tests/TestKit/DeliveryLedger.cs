using System.Text.Json;

namespace OpenWxCluster.TestKit;

/// <summary>
/// A check_event consumer that records the content of every receive_message it gets, so a test can assert that
/// each message it injected upstream reached the user exactly once, by identity. Completeness is judged with a
/// barrier: a last message injected after the others; events are delivered in order per account, so once the
/// barrier is in, a duplicate of anything before it would already have shown up.
/// <para>
/// In cursor mode (<see cref="CursorMode"/>) it polls with <c>cursor=</c> the <c>event_id</c> of the last entry it
/// got (first <c>0</c>), as a cursor client does, and also records every entry and the <c>events_lost</c> ranges.
/// </para>
/// </summary>
public sealed class DeliveryLedger(OpenWxHttpApi api, string client)
{
    private readonly List<string> _received = [];
    private readonly List<JsonElement> _entries = [];
    private readonly List<(long First, long Last)> _lost = [];

    public static DeliveryLedger CursorMode(OpenWxHttpApi api, string client, bool retriesErrors = false) =>
        new(api, client) { Cursor = "0", RetriesErrors = retriesErrors };

    public IReadOnlyList<string> Received => _received;

    /// <summary>
    /// Treat an error answer (a Mojo error object instead of the event list) as "nothing yet" and poll again after a
    /// pause, as a bot does while the cluster recovers from an outage. Off by default: an error fails the test.
    /// </summary>
    public bool RetriesErrors { get; init; }

    /// <summary>Error answers seen while <see cref="RetriesErrors"/> was on.</summary>
    public int Errors { get; private set; }

    /// <summary>Cursor mode: the cursor of the next poll (the last entry's event_id); null in Mojo mode.</summary>
    public string? Cursor { get; private set; }

    /// <summary>Every entry received, in order.</summary>
    public IReadOnlyList<JsonElement> Entries => _entries;

    /// <summary>The <c>[first, last]</c> of every events_lost entry received.</summary>
    public IReadOnlyList<(long First, long Last)> Lost => _lost;

    /// <summary>One check_event (a long poll); returns what it answered.</summary>
    public async Task<JsonElement> PollOnceAsync()
    {
        var events = Cursor is null
            ? await api.GetAsync("check_event", ("client", client))
            : await api.GetAsync("check_event", ("client", client), ("cursor", Cursor));
        if (RetriesErrors && events.ValueKind == JsonValueKind.Object)
        {
            Errors++;
            await Task.Delay(200);
            return JsonDocument.Parse("[]").RootElement;
        }
        foreach (var e in events.EnumerateArray())
        {
            _entries.Add(e);
            var postType = e.GetProperty("post_type").GetString();
            if (postType == "receive_message")
            {
                _received.Add(e.GetProperty("content").GetString() ?? "");
            }
            else if (postType == "event" && e.GetProperty("event").GetString() == "events_lost")
            {
                var range = e.GetProperty("params");
                _lost.Add((range[0].GetInt64(), range[1].GetInt64()));
            }
            if (Cursor is not null)
            {
                Cursor = e.GetProperty("event_id").GetString();
            }
        }
        return events;
    }

    /// <summary>Polls check_event until <paramref name="barrier"/> has been received.</summary>
    public async Task CollectUntilAsync(string barrier, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_received.Contains(barrier))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{client}: barrier '{barrier}' not received within {timeout}; got [{string.Join(", ", _received)}]");
            }
            await PollOnceAsync();
        }
    }

    /// <summary>Every expected content received exactly once; reports lost and duplicated ones by name.</summary>
    public void AssertExactlyOnce(IEnumerable<string> expected)
    {
        var counts = _received.GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var wanted = expected.ToList();
        var lost = wanted.Where(c => !counts.ContainsKey(c)).ToList();
        var duplicated = counts.Where(kv => kv.Value > 1).Select(kv => $"{kv.Key} x{kv.Value}").ToList();
        if (lost.Count > 0 || duplicated.Count > 0)
        {
            throw new InvalidOperationException(
                $"{client}: lost [{string.Join(", ", lost)}], duplicated [{string.Join(", ", duplicated)}]");
        }
    }
}
