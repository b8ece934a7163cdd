namespace OpenWxCluster.Bench.Throughput;

/// <summary>A scenario's product phase and the ceiling phase beside it, from the same round.</summary>
internal sealed record PairSample(PhaseSample Product, PhaseSample Ceiling)
{
    /// <summary>Product req/s over ceiling req/s.</summary>
    public double Ratio => Ceiling.RequestsPerSecond > 0 ? Product.RequestsPerSecond / Ceiling.RequestsPerSecond : 0;
}
