namespace OpenWxCluster.Bench.EventLatency;

/// <summary>One consumer's figures for one phase of one round; latencies in ms, sorted.</summary>
public sealed record PhaseResult(
    int Round, string Consumer, string Phase, int Injected, int Delivered, int Lost, int Duplicated, double[] Latencies, double Seconds)
{
    /// <summary>Nearest-rank percentile (0 &lt; q ≤ 1); NaN when nothing arrived.</summary>
    public double Percentile(double q) =>
        Latencies.Length == 0 ? double.NaN : Latencies[Math.Clamp((int)Math.Ceiling(q * Latencies.Length) - 1, 0, Latencies.Length - 1)];

    /// <summary>Probes delivered per second, from the first injection to the last arrival.</summary>
    public double Throughput => Seconds > 0 ? Delivered / Seconds : double.NaN;

    public double Max => Latencies.Length == 0 ? double.NaN : Latencies[^1];
}
