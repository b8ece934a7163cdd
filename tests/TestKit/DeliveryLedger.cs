using System.Text.Json;

namespace OpenWxCluster.TestKit;

/// <summary>
/// A check_event consumer that records the content of every receive_message it gets, so a test can assert that
/// each message it injected upstream reached the user exactly once, by identity. Completeness is judged with a
/// barrier: a last message injected after the others; events are delivered in order per account, so once the
/// barrier is in, a duplicate of anything before it would already have shown up.
/// </summary>
public sealed class DeliveryLedger(OpenWxHttpApi api, string client)
{
    private readonly List<string> _received = [];

    public IReadOnlyList<string> Received => _received;

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
            var events = await api.GetAsync("check_event", ("client", client));
            _received.AddRange(events.EnumerateArray()
                .Where(e => e.GetProperty("post_type").GetString() == "receive_message")
                .Select(e => e.GetProperty("content").GetString() ?? ""));
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
