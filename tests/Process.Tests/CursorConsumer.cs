using System.Text.Json;

namespace OpenWxCluster.Process.Tests;

/// <summary>
/// A check_event client in cursor mode that keeps polling through silo deaths: each poll goes to a live silo, and a
/// poll that fails for any reason (its silo was killed) is simply made again elsewhere with the same cursor. Records
/// every entry, and the last failure for the test's message.
/// </summary>
internal sealed class CursorConsumer(string client, Func<IReadOnlyList<HttpClient>> liveSilos)
{
    private readonly object _gate = new();
    private readonly List<JsonElement> _entries = [];
    private string _cursor = "0";
    private string? _problem;

    /// <summary>The cursor of the next poll and the last failed poll (for a failure message).</summary>
    public string Describe()
    {
        lock (_gate)
        {
            return $"cursor {_cursor}, last problem: {_problem ?? "none"}";
        }
    }

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

    public async Task RunAsync(CancellationToken stop)
    {
        var turn = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var silos = liveSilos();
                if (silos.Count == 0)
                {
                    await Task.Delay(100, stop);
                    continue;
                }
                await PollAsync(silos[turn++ % silos.Count], stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever went wrong (the silo died under the poll, its host was disposed by a restart), a consumer
                // polls again elsewhere with the same cursor; the failure message reports the last one.
                Note($"{e.GetType().Name}: {e.Message}");
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    private async Task PollAsync(HttpClient http, CancellationToken stop)
    {
        using var response = await http.GetAsync($"openwx/check_event?client={client}&cursor={Uri.EscapeDataString(CursorNow)}", stop);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(stop)).RootElement;
        if (body.ValueKind != JsonValueKind.Array)
        {
            // An error object (a grain call failed during the failover).
            Note($"{http.BaseAddress} HTTP {(int)response.StatusCode} {body.GetRawText()}");
            await Task.Delay(200, stop);
            return;
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

    private string CursorNow
    {
        get
        {
            lock (_gate)
            {
                return _cursor;
            }
        }
    }

    private void Note(string problem)
    {
        lock (_gate)
        {
            _problem = $"{DateTime.UtcNow:HH:mm:ss.fff} {problem}";
        }
    }
}
