using System.Collections.Concurrent;

namespace OpenWxCluster.Bench.EventLatency;

/// <summary>
/// Where consumers report every text they receive: probes go to the ledger of their phase when that phase is measured
/// on the reporting consumer; anything else (other consumers' phases, ordinary messages) is ignored.
/// </summary>
public sealed class ArrivalSink
{
    private readonly ConcurrentDictionary<string, PhaseLedger> _ledgers = new(StringComparer.Ordinal);

    public void Register(PhaseLedger ledger) => _ledgers[ledger.PhaseId] = ledger;

    public void Arrived(string consumer, string? content, DateTimeOffset at)
    {
        if (Marker.PhaseOf(content) is { } phase
            && _ledgers.TryGetValue(phase, out var ledger)
            && ledger.Consumer == consumer)
        {
            ledger.Arrived(content!, at);
        }
    }
}
