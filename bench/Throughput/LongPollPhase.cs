using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using OpenWxCluster.Bench.Shared;
using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// Many waiting check_event long-polls (<c>--longpolls N</c>), spread over the logged-in accounts, each on its own
/// connection and re-polled when answered, as a Mojo client keeps it. Measures the silo with them all held (RSS,
/// live managed heap after an induced full GC, threads, CPU while they wait) and the delivery time of single
/// messages injected at the emulator: from the injection to the first waiter answering with it.
/// </summary>
internal sealed class LongPollPhase(ThroughputOptions options, BenchStack stack, EmulatorControlClient control)
{
    private static readonly TimeSpan HoldWait = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan WakeTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, long> _arrivals = new(StringComparer.Ordinal);
    /// <summary>Polls sent and not yet answered.</summary>
    private int _waiting;

    /// <summary>Logs progress to <paramref name="output"/>; returns the markdown table for the end of the report.</summary>
    public async Task<string> RunAsync(IReadOnlyList<BenchAccount> accounts, TextWriter output, CancellationToken ct)
    {
        var silo = stack.Product.Processes[0].Process;
        using var api = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.LongPolls + 16, UseCookies = false })
        {
            BaseAddress = stack.Product.BaseUri,
            Timeout = TimeSpan.FromMinutes(2),
        };
        var before = await SiloSnapshot.TakeAsync(api, silo, ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pollers = Enumerable.Range(0, options.LongPolls).Select(i => PollAsync(api, accounts[i % accounts.Count].Client, stop.Token)).ToList();
        var clock = Stopwatch.StartNew();
        while (Volatile.Read(ref _waiting) < options.LongPolls && clock.Elapsed < HoldWait)
        {
            await Task.Delay(200, ct);
        }
        var held = Volatile.Read(ref _waiting);
        Log(output, $"long-polls: {held} of {options.LongPolls} waiting after {clock.Elapsed.TotalSeconds:F1} s, over {Math.Min(accounts.Count, options.LongPolls)} accounts; {Quiet.TotalSeconds:F0} s of idle CPU");
        var cpu0 = silo.CpuTime();
        await Task.Delay(Quiet, ct);
        var idleShare = (silo.CpuTime() - cpu0) / Quiet;
        var after = await SiloSnapshot.TakeAsync(api, silo, ct);

        var wakes = new List<double>();
        for (var w = 0; w < options.LongPollWakes; w++)
        {
            var account = accounts[Random.Shared.Next(Math.Min(accounts.Count, options.LongPolls))];
            var marker = "wake-" + Guid.NewGuid().ToString("N");
            var injected = Stopwatch.GetTimestamp();
            await control.SendMessageAsync(BenchWorld.TargetWxid(0), account.Wxid, marker, ct);
            var deadline = DateTime.UtcNow + WakeTimeout;
            while (!_arrivals.ContainsKey(marker) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(2, ct);
            }
            if (_arrivals.TryGetValue(marker, out var at))
            {
                wakes.Add(Stopwatch.GetElapsedTime(injected, at).TotalMilliseconds);
            }
        }
        await stop.CancelAsync();
        await Task.WhenAll(pollers);

        var perWaiter = held > 0 ? 1024.0 / held : 0;
        using var table = new StringWriter();
        table.WriteLine("| check_event long-polls | in flight | silo RSS MiB before / with them (KiB per waiter) | managed heap MiB before / with them (KiB per waiter) | threads before / with | silo CPU while they wait | delivery ms min / median / max (delivered) |");
        table.WriteLine("|---|---:|---|---|---|---:|---|");
        var sorted = wakes.Order().ToList();
        table.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {options.LongPolls} over {Math.Min(accounts.Count, options.LongPolls)} accounts | {held} "
            + $"| {before.RssMiB:F0} / {after.RssMiB:F0} ({(after.RssMiB - before.RssMiB) * perWaiter:F1}) "
            + $"| {before.Heap} / {after.Heap} ({(before.HeapMiB is { } h0 && after.HeapMiB is { } h1 ? ((h1 - h0) * perWaiter).ToString("F1", CultureInfo.InvariantCulture) : "n/a")}) "
            + $"| {before.Threads} / {after.Threads} | {idleShare:P1} of a core "
            + $"| {(sorted.Count > 0 ? $"{sorted[0]:F1} / {sorted[sorted.Count / 2]:F1} / {sorted[^1]:F1}" : "none")} ({sorted.Count} of {options.LongPollWakes}) |"));
        table.WriteLine();
        table.WriteLine("managed heap = the silo's dotnet_gc_last_collection_heap_size_bytes summed over generations (/metrics) right after a full blocking GC the bench induced (its live data; \"last GC\" where that GC did not happen).");
        return table.ToString();
    }

    private async Task PollAsync(HttpClient api, string client, CancellationToken stop)
    {
        var url = $"openwx/check_event?client={Uri.EscapeDataString(client)}";
        while (!stop.IsCancellationRequested)
        {
            Interlocked.Increment(ref _waiting);
            try
            {
                using var response = await api.GetAsync(url, stop);
                var body = await response.Content.ReadAsStringAsync(stop);
                var at = Stopwatch.GetTimestamp();
                var start = body.IndexOf("wake-", StringComparison.Ordinal);
                if (start >= 0)
                {
                    _arrivals.TryAdd(body.Substring(start, 5 + 32), at);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                await Task.Delay(200, CancellationToken.None);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
    }

    private static void Log(TextWriter output, string message) => output.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
