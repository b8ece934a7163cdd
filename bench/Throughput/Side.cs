using OpenWxCluster.Bench.Shared;

namespace OpenWxCluster.Bench.Throughput;

/// <summary>What wrk is pointed at (the product, or a ceiling) and the processes whose CPU the phase is charged to.</summary>
internal sealed record Side(string Name, Uri BaseUri, IReadOnlyList<(string Label, BenchProcess Process)> Processes);
