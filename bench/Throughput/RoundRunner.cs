namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// Warm-up, then rounds: in each, every scenario runs on the product and on its ceiling back to back, the order
/// alternating by round and scenario, so a slow stretch of a shared machine hits both sides alike.
/// </summary>
internal sealed class RoundRunner(ThroughputOptions options, WrkRunner wrk, TextWriter output)
{
    public async Task<IReadOnlyDictionary<Scenario, List<PairSample>>> RunAsync(IReadOnlyList<Scenario> scenarios, CancellationToken ct)
    {
        if (options.WarmupSeconds > 0)
        {
            Log($"warm-up: {options.WarmupSeconds} s of each scenario on the product and on its ceiling (not measured)");
            foreach (var scenario in scenarios)
            {
                await wrk.RunAsync(scenario, scenario.Product, options.WarmupSeconds, ct);
                await wrk.RunAsync(scenario, scenario.Ceiling, options.WarmupSeconds, ct);
            }
        }
        var results = scenarios.ToDictionary(s => s, _ => new List<PairSample>());
        for (var round = 1; round <= options.Rounds; round++)
        {
            for (var i = 0; i < scenarios.Count; i++)
            {
                var scenario = scenarios[i];
                var productFirst = (round + i) % 2 == 1;
                PhaseSample product, ceiling;
                if (productFirst)
                {
                    product = await wrk.RunAsync(scenario, scenario.Product, options.Seconds, ct);
                    ceiling = await wrk.RunAsync(scenario, scenario.Ceiling, options.Seconds, ct);
                }
                else
                {
                    ceiling = await wrk.RunAsync(scenario, scenario.Ceiling, options.Seconds, ct);
                    product = await wrk.RunAsync(scenario, scenario.Product, options.Seconds, ct);
                }
                var pair = new PairSample(product, ceiling);
                results[scenario].Add(pair);
                Log($"round {round} {scenario.Name,-26} product {Describe(product)} | {scenario.Ceiling.Name} {Describe(ceiling)} | ratio {pair.Ratio:P1}"
                    + $" ({(productFirst ? "product" : "ceiling")} first)");
            }
        }
        return results;
    }

    private static string Describe(PhaseSample s) =>
        $"{s.RequestsPerSecond,8:F0} req/s p50 {s.P50Ms:F2} p99 {s.P99Ms:F2} ms err {s.ErrorShare:P2} busy {s.MachineBusy:P0}";

    private void Log(string message) => output.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
