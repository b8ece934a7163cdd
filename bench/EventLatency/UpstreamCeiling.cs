using OpenWxCluster.TestKit;

namespace OpenWxCluster.Bench.EventLatency;

/// <summary>
/// The ceiling: as many bare <see cref="RawWebClient"/>s as the product has accounts, each logged in as its own
/// emulator user and long-polling synccheck + webwxsync directly on loopback.
/// </summary>
public sealed class UpstreamCeiling : ILatencyConsumer
{
    private readonly RawWebClient[] _clients;
    private readonly HttpClient _http;
    private readonly HttpClient _push;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];

    private UpstreamCeiling(Uri emulator, IReadOnlyList<string> wxids)
    {
        _clients = [.. wxids.Select(w => new RawWebClient(w))];
        _http = NewClient(emulator, 64, TimeSpan.FromSeconds(60));
        _push = NewClient(emulator, wxids.Count + 16, Timeout.InfiniteTimeSpan);
        Targets = wxids;
    }

    public string Name => "ceiling";

    public IReadOnlyList<string> Targets { get; }

    public static async Task<UpstreamCeiling> LoginAsync(Uri emulator, IReadOnlyList<string> wxids, int parallel, CancellationToken ct)
    {
        var ceiling = new UpstreamCeiling(emulator, wxids);
        using var gate = new SemaphoreSlim(parallel);
        await Task.WhenAll(ceiling._clients.Select(async c =>
        {
            await gate.WaitAsync(ct);
            try
            {
                await c.LoginAsync(ceiling._http, ct);
            }
            finally
            {
                gate.Release();
            }
        }));
        return ceiling;
    }

    public void Start(ArrivalSink sink)
    {
        foreach (var client in _clients)
        {
            _loops.Add(client.ListenAsync(_push, _http, _stop.Token, arrived: (content, at) => sink.Arrived(Name, content, at), retryErrors: true));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        _stop.Dispose();
        _http.Dispose();
        _push.Dispose();
    }

    private static HttpClient NewClient(Uri baseUri, int connections, TimeSpan timeout) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false })
        {
            BaseAddress = baseUri,
            Timeout = timeout,
        };
}
