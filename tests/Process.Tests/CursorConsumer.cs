using System.Text.Json;

namespace OpenWxCluster.Process.Tests;

/// <summary>
/// A check_event client in cursor mode that keeps polling through silo deaths: each poll goes to a live silo, and a
/// poll that fails (its silo was killed) is simply made again elsewhere with the same cursor. Records every entry.
/// </summary>
internal sealed class CursorConsumer(string client, Func<IReadOnlyList<HttpClient>> liveSilos)
{
    private readonly object _gate = new();
    private readonly List<JsonElement> _entries = [];
    private string _cursor = "0";

    public IReadOnlyList<JsonElement> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public bool Has(string content) => Entries.Any(e => e.TryGetProperty("content", out var c) && c.GetString() == content);

    public async Task RunAsync(CancellationToken stop)
    {
        var turn = 0;
        while (!stop.IsCancellationRequested)
        {
            var silos = liveSilos();
            if (silos.Count == 0)
            {
                await Task.Delay(100, stop).ContinueWith(_ => { }, TaskScheduler.Default);
                continue;
            }
            var http = silos[turn++ % silos.Count];
            try
            {
                using var response = await http.GetAsync($"openwx/check_event?client={client}&cursor={Uri.EscapeDataString(_cursor)}", stop);
                var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(stop)).RootElement;
                if (body.ValueKind != JsonValueKind.Array)
                {
                    await Task.Delay(200, stop); // an error object (a grain call failed during the failover)
                    continue;
                }
                lock (_gate)
                {
                    foreach (var e in body.EnumerateArray())
                    {
                        _entries.Add(e.Clone());
                        _cursor = e.GetProperty("event_id").GetString()!;
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or JsonException || (e is OperationCanceledException && !stop.IsCancellationRequested))
            {
                // The silo died under the poll: poll again elsewhere with the same cursor.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
