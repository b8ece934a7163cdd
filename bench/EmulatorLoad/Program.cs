using System.Diagnostics;
using System.Net.Http.Json;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Bench.EmulatorLoad;

/// <summary>
/// Emulator load: N users logged in over raw HTTP, one hanging synccheck each; prints sessions, hanging requests,
/// the emulator's RSS/threads and the wake latency of injected messages.
/// Run: <c>ulimit -n 65536; dotnet run -c Release --project bench/EmulatorLoad -- --sessions 10000</c>.
/// </summary>
public static class Program
{
    private const string Sender = "load_sender";

    public static async Task<int> Main(string[] args)
    {
        var options = LoadOptions.Parse(args);
        Console.WriteLine($"fd limit (ulimit -n): {ReadFdLimit()}; sessions {options.Sessions}, concurrency {options.Concurrency}");
        using var emulator = await EmulatorProcess.StartAsync(options.ResolveEmulatorDll());
        Console.WriteLine($"emulator pid {emulator.Pid} on {emulator.BaseUri}; idle {Describe(emulator.Stats())}");

        using var http = NewClient(emulator.BaseUri, options.Concurrency * 2, TimeSpan.FromSeconds(100));
        using var push = NewClient(emulator.BaseUri, options.Sessions + 100, Timeout.InfiniteTimeSpan);
        (await http.PutAsJsonAsync("control/settings", new { syncCheckHoldMs = 30 * 60 * 1000, loginPollHoldMs = 2000 })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("control/users", new { wxid = Sender, nickName = "sender" })).EnsureSuccessStatusCode();

        var sessions = Enumerable.Range(0, options.Sessions).Select(i => new RawWebClient($"load_{i:D5}")).ToArray();
        var clock = Stopwatch.StartNew();
        await ForEachAsync(sessions, options.Concurrency, async s =>
            (await http.PostAsJsonAsync("control/users", new { wxid = s.Wxid, nickName = s.Wxid, friends = new[] { Sender } })).EnsureSuccessStatusCode());
        Console.WriteLine($"created {sessions.Length} users in {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        var loggedIn = 0;
        var failures = 0;
        await ForEachAsync(sessions, options.Concurrency, async s =>
        {
            try
            {
                await s.LoginAsync(http);
                if (Interlocked.Increment(ref loggedIn) % 1000 == 0)
                {
                    Console.WriteLine($"  {loggedIn} logged in ({clock.Elapsed.TotalSeconds:F0} s), emulator {Describe(emulator.Stats())}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                if (Interlocked.Increment(ref failures) <= 5)
                {
                    Console.Error.WriteLine($"  login {s.Wxid} failed: {e.Message}");
                }
            }
        });
        Console.WriteLine($"logged in {loggedIn}/{sessions.Length} in {clock.Elapsed.TotalSeconds:F1} s ({failures} failed)");

        var inFlight = 0;
        using var stop = new CancellationTokenSource();
        var live = sessions.Where(s => s.IsLoggedIn).ToArray();
        var holders = live.Select(s => Task.Run(() => s.ListenAsync(push, http, stop.Token, inFlight: d => Interlocked.Add(ref inFlight, d)))).ToList();
        var settle = Stopwatch.StartNew();
        while (Volatile.Read(ref inFlight) < holders.Count && settle.Elapsed < TimeSpan.FromMinutes(3) && !holders.Any(h => h.IsFaulted))
        {
            await Task.Delay(1000);
        }

        await Task.Delay(3000); // every synccheck is now held server-side (hold is 30 min)
        var (rss, threads, fds) = emulator.Stats();
        Console.WriteLine($"hanging synccheck requests: {Volatile.Read(ref inFlight)} of {holders.Count} sessions; completed holders: {holders.Count(h => h.IsCompleted)}");
        Console.WriteLine($"emulator with all held: RSS {rss:F0} MB, threads {threads}, fds {fds}");
        var sessionsInfo = await http.GetFromJsonAsync<List<object>>("control/sessions");
        Console.WriteLine($"emulator /control/sessions: {sessionsInfo?.Count} active sessions");

        await MeasureWakesAsync(http, live, options.Wakes);
        Console.WriteLine($"after wakes: {Volatile.Read(ref inFlight)} hanging; emulator {Describe(emulator.Stats())}");

        stop.Cancel();
        await Task.WhenAll(holders.Select(h => h.ContinueWith(_ => { }, TaskScheduler.Default)));
        var faulted = holders.FirstOrDefault(h => h.IsFaulted)?.Exception?.GetBaseException().Message;
        Console.WriteLine(faulted is null ? "all holders ended cleanly" : "a holder failed: " + faulted);
        return faulted is null && failures == 0 ? 0 : 1;
    }

    private static async Task MeasureWakesAsync(HttpClient http, RawWebClient[] sessions, int wakes)
    {
        if (sessions.Length == 0)
        {
            return;
        }

        var latencies = new List<double>();
        foreach (var s in Enumerable.Range(0, wakes).Select(_ => sessions[Random.Shared.Next(sessions.Length)]))
        {
            var next = s.NextWake;
            var start = Stopwatch.GetTimestamp();
            (await http.PostAsJsonAsync("control/messages", new { from = Sender, to = s.Wxid, content = "wake" })).EnsureSuccessStatusCode();
            var woke = await next.WaitAsync(TimeSpan.FromSeconds(30));
            var ms = Stopwatch.GetElapsedTime(start, woke).TotalMilliseconds;
            latencies.Add(ms);
            Console.WriteLine($"  wake {s.Wxid}: {ms:F1} ms from injection to synccheck answer");
        }

        Console.WriteLine($"wake latency: min {latencies.Min():F1} ms, median {latencies.Order().ElementAt(latencies.Count / 2):F1} ms, max {latencies.Max():F1} ms");
    }

    private static async Task ForEachAsync<T>(IEnumerable<T> items, int concurrency, Func<T, Task> body) =>
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (item, _) => await body(item));

    private static HttpClient NewClient(Uri baseUri, int maxConnections, TimeSpan timeout) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            UseCookies = false,
            AllowAutoRedirect = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(30),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        { BaseAddress = baseUri, Timeout = timeout };

    private static string Describe((double RssMb, int Threads, int Fds) s) => $"RSS {s.RssMb:F0} MB, threads {s.Threads}, fds {s.Fds}";

    private static string ReadFdLimit() =>
        File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal)) is { } line
            ? string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(3).Take(2))
            : "unknown";
}
