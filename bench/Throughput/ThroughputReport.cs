using System.Globalization;

namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// The summary: per scenario, min/median/max over the rounds of the ratio to its ceiling, the product's req/s,
/// latency, error share and CPU per request (silo and emulator apart, and the ceiling's own processes), then the
/// same as a markdown table for the README's "Measured figures".
/// </summary>
internal static class ThroughputReport
{
    public static void Print(TextWriter output, IReadOnlyDictionary<Scenario, List<PairSample>> results, string header)
    {
        output.WriteLine();
        output.WriteLine(header);
        output.WriteLine();
        var database = results.Values.SelectMany(p => p).Any(p => p.Product.Charges("database"));
        output.WriteLine("| route | accounts | req/s (median) | ceiling req/s (median) | ratio min / median / max | p50 / p99 ms (median) | errors | CPU µs/req silo / emulator"
            + (database ? " / database" : "") + " | CPU µs/req ceiling (front / upstream) | target | met |");
        output.WriteLine("|---|---:|---:|---:|---|---|---:|---|---|---|---|");
        foreach (var (scenario, pairs) in results)
        {
            output.WriteLine(Row(scenario, pairs, database));
        }
        output.WriteLine();
        output.WriteLine("ratio = product req/s ÷ the ceiling's req/s measured beside it in the same round (ceiling A: bare Kestrel small JSON; "
            + "ceiling B: bare Kestrel making one loopback POST to a bare Kestrel upstream). errors = socket errors + HTTP ≥ 400 + Mojo code ≠ 0, "
            + "over all rounds. CPU per request = utime+stime of the process from the phase's start until it is quiet again (work left behind included) ÷ requests; emulator and upstream: the far end's share, apart from ours"
            + (database ? "; database: the PostgreSQL server's processes." : "."));
    }

    /// <summary>The webhook phase: post_api deliveries per second beside a bare client posting the same body.</summary>
    public static void PrintWebhook(TextWriter output, IReadOnlyList<WebhookSample> samples, int accounts)
    {
        var ratios = samples.Select(s => s.Ratio).ToList();
        output.WriteLine();
        output.WriteLine("| webhook delivery | accounts | delivered/s (median) | bare client posts/s (median) | ratio min / median / max | lost | CPU µs/msg silo / emulator / receiver | CPU µs/post receiver (bare client) |");
        output.WriteLine("|---|---:|---:|---:|---|---:|---|---|");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| post_api | {accounts} | {Median(samples.Select(s => s.DeliveredPerSecond)):F0} | {Median(samples.Select(s => s.Ceiling.RequestsPerSecond)):F0} "
            + $"| {ratios.Min():P1} / {Median(ratios):P1} / {ratios.Max():P1} | {samples.Sum(s => s.Lost)} of {samples.Sum(s => s.Injected)} "
            + $"| {Median(samples.Select(s => s.CpuPerMessageUs("silo"))):F0} / {Median(samples.Select(s => s.CpuPerMessageUs("emulator"))):F0} / {Median(samples.Select(s => s.CpuPerMessageUs("receiver"))):F0} "
            + $"| {Median(samples.Select(s => s.Ceiling.CpuPerRequestUs("receiver"))):F0} |"));
        output.WriteLine();
        output.WriteLine("delivered/s = POSTs counted at the receiver from the first injection to the last delivery; the emulator's CPU includes "
            + "taking the injections through its control API. lost = injected but not delivered before 5 s without a new POST.");
    }

    private static string Row(Scenario scenario, List<PairSample> pairs, bool database)
    {
        var route = scenario.Name[..scenario.Name.LastIndexOf('-')];
        var ratios = pairs.Select(p => p.Ratio).ToList();
        var p99 = Median(pairs.Select(p => p.Product.P99Ms));
        var requests = pairs.Sum(p => p.Product.Requests + p.Product.SocketErrors);
        var errorShare = requests > 0 ? (double)pairs.Sum(p => p.Product.Errors) / requests : 0;
        var ceilingCpu = scenario.Ceiling.Processes.Count > 1
            ? $"{Cpu(pairs, p => p.Ceiling, "ceiling")} / {Cpu(pairs, p => p.Ceiling, "upstream")}"
            : Cpu(pairs, p => p.Ceiling, "ceiling");
        var productCpu = $"{Cpu(pairs, p => p.Product, "silo")} / {Cpu(pairs, p => p.Product, "emulator")}"
            + (database ? $" / {Cpu(pairs, p => p.Product, "database")}" : "");
        var target = scenario.TargetRatio is { } t
            ? $"≥ {t:P0}" + (scenario.P99TargetMs is { } ms ? $", p99 ≤ {ms:F0} ms" : "")
            : "—";
        var met = scenario.TargetRatio is { } goal
            ? (Median(ratios) >= goal && (scenario.P99TargetMs is not { } limit || p99 <= limit) ? "yes" : "no")
            : "—";
        return string.Create(CultureInfo.InvariantCulture,
            $"| {route} | {scenario.Accounts} | {Median(pairs.Select(p => p.Product.RequestsPerSecond)):F0} | {Median(pairs.Select(p => p.Ceiling.RequestsPerSecond)):F0} "
            + $"| {ratios.Min():P1} / {Median(ratios):P1} / {ratios.Max():P1} | {Median(pairs.Select(p => p.Product.P50Ms)):F2} / {p99:F2} "
            + $"| {errorShare:P2} | {productCpu} | {ceilingCpu} | {target} | {met} |");
    }

    private static string Cpu(List<PairSample> pairs, Func<PairSample, PhaseSample> side, string label) =>
        Median(pairs.Select(p => side(p).CpuPerRequestUs(label))).ToString("F0", CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
