using OpenWxCluster.Bench.Shared;

namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// What wrk is pointed at (the product, or a ceiling) and the processes whose CPU the phase is charged to; with a
/// PostgreSQL silo also the database server's processes (<see cref="Database"/>).
/// </summary>
internal sealed record Side(string Name, Uri BaseUri, IReadOnlyList<(string Label, BenchProcess Process)> Processes, DatabaseCpu? Database = null)
{
    /// <summary>CPU used so far by each process of the side, labelled; the database as <c>database</c>.</summary>
    public IReadOnlyList<(string Label, TimeSpan Cpu)> CpuTimes() =>
        [.. Processes.Select(p => (p.Label, p.Process.CpuTime())), .. Database is { } db ? new[] { ("database", db.CpuTime()) } : []];
}
