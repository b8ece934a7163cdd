using System.Text.Json;
using OpenWxCluster.Bench.Shared;

namespace OpenWxCluster.Bench.EventLatency;

/// <summary>One check_event long-poll per account, as a Mojo client keeps it, through the product's HTTP API.</summary>
public sealed class CheckEventConsumer(HttpClient api, IReadOnlyList<BenchAccount> accounts) : ILatencyConsumer
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];

    public string Name => "check_event";

    public IReadOnlyList<string> Targets { get; } = [.. accounts.Select(a => a.Wxid)];

    public void Start(ArrivalSink sink)
    {
        foreach (var account in accounts)
        {
            _loops.Add(PollAsync(account.Client, sink, _stop.Token));
        }
    }

    private async Task PollAsync(string client, ArrivalSink sink, CancellationToken stop)
    {
        var url = $"openwx/check_event?client={Uri.EscapeDataString(client)}";
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await api.GetAsync(url, stop);
                var body = await response.Content.ReadAsStringAsync(stop);
                var at = DateTimeOffset.UtcNow;
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.ValueKind != JsonValueKind.Array)
                {
                    // An error answer (e.g. not running): try again a little later.
                    await Task.Delay(TimeSpan.FromMilliseconds(200), stop);
                    continue;
                }
                foreach (var e in json.RootElement.EnumerateArray())
                {
                    if (e.TryGetProperty("post_type", out var type) && type.GetString() == "receive_message")
                    {
                        sink.Arrived(Name, e.GetProperty("content").GetString(), at);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or OperationCanceledException)
            {
                await Console.Error.WriteLineAsync($"check_event {client}: {e.GetType().Name}");
                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        _stop.Dispose();
    }
}
