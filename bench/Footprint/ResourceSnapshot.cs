using System.Diagnostics;
using System.Net.NetworkInformation;

namespace OpenWxCluster.Bench.Footprint;

/// <summary>Process figures taken after a full blocking GC.</summary>
public sealed record ResourceSnapshot(
    long ManagedHeapBytes,
    long GcCommittedBytes,
    long WorkingSetBytes,
    long PrivateBytes,
    int Threads,
    TimeSpan CpuTime)
{
    public static ResourceSnapshot Take()
    {
        FullCollect();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new ResourceSnapshot(
            managed,
            info.TotalCommittedBytes,
            process.WorkingSet64,
            process.PrivateMemorySize64,
            process.Threads.Count,
            process.TotalProcessorTime);
    }

    public static void FullCollect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    public static TimeSpan CpuTimeNow()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>Established TCP connections from this machine to the given local port (the silo's upstream sockets).</summary>
    public static int ConnectionsTo(int port) =>
        IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections()
            .Count(c => c.RemoteEndPoint.Port == port && c.State == TcpState.Established);
}
