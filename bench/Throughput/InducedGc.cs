using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// Makes another .NET process run a full blocking GC, as dotnet-gcdump does: an EventPipe session over its diagnostic
/// port enabling the runtime's GCHeapCollect keyword. Its heap size read after that is its live data, where the size
/// after its own last GC depends on when that GC ran (a figure per waiter moved 1.8–16 KiB between runs with it).
/// </summary>
internal static class InducedGc
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    private const long GcKeyword = 0x1;
    private const long GcHeapCollectKeyword = 0x800000;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Induces the GC in <paramref name="pid"/> and waits until its gen2 count on /metrics moved; false when it did not
    /// within the timeout or the diagnostic port refused (the heap figure then stays the last GC's).
    /// </summary>
    public static async Task<bool> CollectAsync(int pid, HttpClient api, CancellationToken ct)
    {
        var before = await Gen2CountAsync(api, ct);
        using var session = await TryStartSessionAsync(pid, ct);
        if (session is null)
        {
            return false;
        }
        // The session's events are not needed, but its stream must be read or the runtime's buffer fills.
        var drain = session.EventStream.CopyToAsync(Stream.Null, ct);
        var deadline = DateTime.UtcNow + Timeout;
        var collected = false;
        while (!collected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, ct);
            collected = await Gen2CountAsync(api, ct) > before;
        }
        await session.StopAsync(ct);
        await drain;
        return collected;
    }

    /// <summary>The session whose start makes the runtime collect; null when the process's diagnostic port refuses.</summary>
    private static async Task<EventPipeSession?> TryStartSessionAsync(int pid, CancellationToken ct)
    {
        try
        {
            return await new DiagnosticsClient(pid).StartEventPipeSessionAsync(
                [new EventPipeProvider(RuntimeProvider, EventLevel.Informational, GcKeyword | GcHeapCollectKeyword)],
                requestRundown: false,
                circularBufferMB: 16,
                ct);
        }
        catch (DiagnosticsClientException)
        {
            // Diagnostics disabled in the silo (DOTNET_EnableDiagnostics=0) or its port gone.
            return null;
        }
    }

    /// <summary>The process's gen2 collections so far (<c>dotnet_gc_collections_total</c>), -1 when not served.</summary>
    private static async Task<double> Gen2CountAsync(HttpClient api, CancellationToken ct)
    {
        var counts = SiloMetrics.Values(await api.GetStringAsync("metrics", ct), "dotnet_gc_collections_total", "gc_heap_generation=\"gen2\"");
        return counts.DefaultIfEmpty(-1).First();
    }
}
