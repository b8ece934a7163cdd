using System.Diagnostics;

namespace OpenWxCluster.Bench.EventLatency;

/// <summary>
/// Measures every consumer in every round, alternating their order from one round to the next so a slow start or
/// a warming machine does not always favour the same one. Phases run one at a time and never overlap.
/// </summary>
public sealed class LatencyRun(LatencyOptions options, Injector injector, ArrivalSink sink)
{
    private int _phases;

    /// <summary>One probe per account of each consumer, waited for and not reported: JIT, connections, activations.</summary>
    public async Task WarmUpAsync(IReadOnlyList<ILatencyConsumer> consumers, CancellationToken ct)
    {
        foreach (var consumer in consumers)
        {
            var warm = new LoadPhase("warm-up", Rate: 50, consumer.Targets.Count);
            var result = await MeasureAsync(0, consumer, warm, ct);
            Log($"warm-up {consumer.Name}: {result.Delivered}/{result.Injected} delivered");
        }
    }

    public async Task<IReadOnlyList<PhaseResult>> RunAsync(IReadOnlyList<ILatencyConsumer> consumers, CancellationToken ct)
    {
        var results = new List<PhaseResult>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            IEnumerable<ILatencyConsumer> order = round % 2 == 1 ? consumers : consumers.Reverse();
            foreach (var consumer in order)
            {
                foreach (var phase in options.Phases())
                {
                    var result = await MeasureAsync(round, consumer, phase, ct);
                    Log(LatencyReport.Line(result));
                    results.Add(result);
                }
            }
        }
        return results;
    }

    private async Task<PhaseResult> MeasureAsync(int round, ILatencyConsumer consumer, LoadPhase phase, CancellationToken ct)
    {
        var ledger = new PhaseLedger(consumer.Name, $"p{++_phases}");
        sink.Register(ledger);
        var injected = await injector.RunAsync(phase, ledger.PhaseId, consumer.Targets, ledger, ct);
        var drain = Stopwatch.StartNew();
        while (ledger.Delivered < injected && drain.Elapsed < TimeSpan.FromSeconds(options.DrainSeconds))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
        }
        return ledger.Close(round, phase.Name, injected);
    }

    private static void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
