namespace OpenWxCluster.Bench.EventLatency;

/// <summary>
/// What one consumer received of one phase's injections: per probe the emulator's queue time and the arrivals.
/// An arrival may be recorded before its injection call returned, so both sides fill the same entry.
/// </summary>
public sealed class PhaseLedger(string consumer, string phaseId)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Probe> _probes = new(StringComparer.Ordinal);
    private bool _closed;
    private int _delivered;

    public string Consumer { get; } = consumer;

    public string PhaseId { get; } = phaseId;

    /// <summary>Probes with both an injection and an arrival.</summary>
    public int Delivered
    {
        get
        {
            lock (_gate)
            {
                return _delivered;
            }
        }
    }

    public void Injected(string content, DateTimeOffset queuedAt)
    {
        lock (_gate)
        {
            var probe = ProbeOf(content);
            probe.QueuedAt = queuedAt;
            if (probe.Arrivals > 0)
            {
                _delivered++;
            }
        }
    }

    public void Arrived(string content, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return; // past the drain time: it stays lost
            }
            var probe = ProbeOf(content);
            probe.Arrivals++;
            if (probe.Arrivals == 1)
            {
                probe.FirstArrival = at;
                if (probe.QueuedAt is not null)
                {
                    _delivered++;
                }
            }
        }
    }

    /// <summary>Stops accepting arrivals and sums up; <paramref name="injected"/> is how many probes were sent.</summary>
    public PhaseResult Close(int round, string phase, int injected)
    {
        lock (_gate)
        {
            _closed = true;
            var latencies = _probes.Values
                .Where(p => p is { QueuedAt: not null, FirstArrival: not null })
                .Select(p => (p.FirstArrival!.Value - p.QueuedAt!.Value).TotalMilliseconds)
                .Order()
                .ToArray();
            var duplicated = _probes.Values.Count(p => p.Arrivals > 1);
            var first = _probes.Values.Min(p => p.QueuedAt);
            var last = _probes.Values.Max(p => p.FirstArrival);
            var seconds = first is null || last is null ? double.NaN : (last.Value - first.Value).TotalSeconds;
            return new PhaseResult(round, Consumer, phase, injected, latencies.Length, injected - latencies.Length, duplicated, latencies, seconds);
        }
    }

    private Probe ProbeOf(string content)
    {
        if (!_probes.TryGetValue(content, out var probe))
        {
            probe = new Probe();
            _probes[content] = probe;
        }
        return probe;
    }

    private sealed class Probe
    {
        public DateTimeOffset? QueuedAt { get; set; }
        public DateTimeOffset? FirstArrival { get; set; }
        public int Arrivals { get; set; }
    }
}
