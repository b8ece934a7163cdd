using System.Globalization;

namespace OpenWxCluster.Bench.EventLatency;

/// <summary>Prints each measurement, then per phase the product beside the ceiling: medians and per-round ratios.</summary>
public static class LatencyReport
{
    public static string Line(PhaseResult r) => string.Create(
        CultureInfo.InvariantCulture,
        $"round {r.Round} {r.Consumer,-12} {r.Phase,-10} sent {r.Injected,5}, delivered {r.Delivered,5}, lost {r.Lost}, duplicated {r.Duplicated}; " +
        $"p50 {Ms(r.Percentile(0.5))}, p90 {Ms(r.Percentile(0.9))}, p99 {Ms(r.Percentile(0.99))}, max {Ms(r.Max)}");

    /// <summary>Per phase: each consumer's medians over rounds, and its ratio to the ceiling (min/median/max over rounds).</summary>
    public static void Print(TextWriter output, IReadOnlyList<PhaseResult> results, string ceiling)
    {
        output.WriteLine();
        output.WriteLine("injection (emulator queue time) -> arrival at the consumer; medians over rounds, ratios to the ceiling per round (min/median/max)");
        foreach (var phase in results.Select(r => r.Phase).Distinct())
        {
            var byConsumer = results.Where(r => r.Phase == phase).GroupBy(r => r.Consumer).ToList();
            var top = byConsumer.FirstOrDefault(g => g.Key == ceiling)?.ToDictionary(r => r.Round);
            foreach (var group in byConsumer)
            {
                var rounds = group.ToList();
                var line = string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {phase,-10} {group.Key,-12} p50 {Ms(Median(rounds.Select(r => r.Percentile(0.5))))}, " +
                    $"p99 {Ms(Median(rounds.Select(r => r.Percentile(0.99))))}, max {Ms(rounds.Max(r => r.Max))}; " +
                    $"delivered {rounds.Sum(r => r.Delivered)}/{rounds.Sum(r => r.Injected)}, lost {rounds.Sum(r => r.Lost)}, duplicated {rounds.Sum(r => r.Duplicated)}, " +
                    $"{Median(rounds.Select(r => r.Throughput)):F0} msg/s delivered");
                if (top is not null && group.Key != ceiling)
                {
                    line += $"; vs ceiling p50 x{Ratios(rounds, top, 0.5)}, p99 x{Ratios(rounds, top, 0.99)}";
                }
                output.WriteLine(line);
            }
        }
    }

    private static string Ratios(List<PhaseResult> rounds, Dictionary<int, PhaseResult> ceiling, double q)
    {
        var ratios = rounds
            .Where(r => ceiling.ContainsKey(r.Round))
            .Select(r => r.Percentile(q) / ceiling[r.Round].Percentile(q))
            .Order()
            .ToList();
        return ratios.Count == 0
            ? "n/a"
            : string.Create(CultureInfo.InvariantCulture, $"{ratios[0]:F1}/{Median(ratios):F1}/{ratios[^1]:F1}");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string Ms(double value) =>
        double.IsNaN(value) ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{value:F1} ms");
}
