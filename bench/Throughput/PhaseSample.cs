namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// One wrk run against one side. Errors: socket errors (connect, read, write, timeout), non-2xx answers (wrk counts
/// status ≥ 400) and Mojo refusals among 2xx answers. <see cref="Cpu"/> is each measured process's utime+stime delta.
/// </summary>
internal sealed record PhaseSample(
    long Requests,
    double Seconds,
    long SocketErrors,
    long StatusErrors,
    long MojoErrors,
    double P50Ms,
    double P99Ms,
    IReadOnlyList<(string Label, TimeSpan Cpu)> Cpu,
    double MachineBusy)
{
    public double RequestsPerSecond => Seconds > 0 ? Requests / Seconds : 0;

    public long Errors => SocketErrors + StatusErrors + MojoErrors;

    /// <summary>Errors over answers plus socket errors (a socket error may have no answer at all).</summary>
    public double ErrorShare => Requests + SocketErrors > 0 ? (double)Errors / (Requests + SocketErrors) : 0;

    /// <summary>CPU microseconds per request of the process with <paramref name="label"/>.</summary>
    public double CpuPerRequestUs(string label) =>
        Requests > 0 ? Cpu.First(c => c.Label == label).Cpu.TotalMicroseconds / Requests : 0;

    public bool Charges(string label) => Cpu.Any(c => c.Label == label);
}
