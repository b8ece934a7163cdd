using OpenWxCluster.Bench.Shared;
using OpenWxCluster.Emulator;
using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Bench.EventLatency;

/// <summary>
/// Message latency from the upstream to the user, beside the best possible. Run in Release:
/// <c>dotnet run -c Release --project bench/EventLatency -- --accounts 50</c>.
/// </summary>
public static class Program
{
    private const string Sender = "latency_sender";
    private const int LoginParallel = 10;

    public static async Task<int> Main(string[] args)
    {
        var options = LatencyOptions.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(LatencyOptions.Usage);
            return 2;
        }

        Log($"emulator (synccheck held 25 s, as upstream) and a silo with the HTTP API (PumpInterval {options.PumpIntervalMs} ms), in-process on loopback");
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions());
        var product = await ProductHost.StartAsync(emulator.BaseUri, TimeSpan.FromMilliseconds(options.PumpIntervalMs));
        using var controlHttp = NewClient(emulator.BaseUri, 256, TimeSpan.FromSeconds(60));
        using var api = NewClient(product.BaseUri, options.Accounts + 64, TimeSpan.FromSeconds(100));
        var control = new EmulatorControlClient(controlHttp);
        var login = new ProductLogin(api, control);
        var productAccounts = Enumerable.Range(1, options.Accounts).Select(i => new BenchAccount($"latp{i:D4}", $"latp_{i:D4}")).ToList();
        var consumers = new List<ILatencyConsumer>();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            var ceilingWxids = Enumerable.Range(1, options.Accounts).Select(i => $"latc_{i:D4}").ToList();
            await CreateUsersAsync(control, [.. productAccounts.Select(a => a.Wxid), .. ceilingWxids], cancel.Token);

            Log($"logging in {options.Accounts} product accounts through the HTTP API and {options.Accounts} bare upstream clients");
            consumers.AddRange(await ProductConsumersAsync(api, login, productAccounts, cancel.Token));
            consumers.Add(await UpstreamCeiling.LoginAsync(emulator.BaseUri, ceilingWxids, LoginParallel, cancel.Token));
            var sink = new ArrivalSink();
            foreach (var consumer in consumers)
            {
                consumer.Start(sink);
            }

            var run = new LatencyRun(options, new Injector(control, Sender), sink);
            await run.WarmUpAsync(consumers, cancel.Token);
            var results = await run.RunAsync(consumers, cancel.Token);
            LatencyReport.Print(Console.Out, results, ceiling: "ceiling");
            return results.All(r => r.Lost == 0 && r.Duplicated == 0) ? 0 : 1;
        }
        finally
        {
            Log("shutting down");
            foreach (var consumer in consumers)
            {
                await consumer.DisposeAsync();
            }
            await login.StopAllAsync(productAccounts);
            product.Quiet();
            // The emulator goes first so hanging long-polls end at once instead of holding the silo's stop.
            await emulator.DisposeAsync();
            await product.DisposeAsync();
        }
    }

    /// <summary>
    /// The consumers fed by the product's accounts: check_event long-polls and a post_api receiver, both on every
    /// account (messages only: post_event=0).
    /// </summary>
    private static async Task<IReadOnlyList<ILatencyConsumer>> ProductConsumersAsync(
        HttpClient api, ProductLogin login, IReadOnlyList<BenchAccount> accounts, CancellationToken ct)
    {
        var webhook = await WebhookConsumer.StartAsync([.. accounts.Select(a => a.Wxid)]);
        var startParameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["post_api"] = webhook.Url, ["post_event"] = "0" };
        await login.LoginAllAsync(accounts, startParameters, LoginParallel, ct);
        return [new CheckEventConsumer(api, accounts), webhook];
    }

    private static async Task CreateUsersAsync(EmulatorControlClient control, IReadOnlyList<string> wxids, CancellationToken ct)
    {
        await control.CreateUserAsync(new CreateUserRequest { Wxid = Sender, NickName = "latency sender" }, ct);
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(wxids.Select(async wxid =>
        {
            await gate.WaitAsync(ct);
            try
            {
                await control.CreateUserAsync(new CreateUserRequest { Wxid = wxid, NickName = wxid, Friends = [Sender] }, ct);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private static HttpClient NewClient(Uri baseUri, int connections, TimeSpan timeout) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false })
        {
            BaseAddress = baseUri,
            Timeout = timeout,
        };

    private static void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
