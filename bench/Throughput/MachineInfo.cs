namespace OpenWxCluster.Bench.Throughput;

/// <summary>The machine a run measured: cores and CPU model from /proc/cpuinfo, the date, the load before the run.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var model = File.ReadLines("/proc/cpuinfo")
            .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        return $"{Environment.ProcessorCount} cores, {model}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average {load} before the run; .NET {Environment.Version}";
    }
}
