using System.Globalization;
using OpenWxCluster.Bench.Shared;

namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// The silo process at one moment: RSS and threads from /proc, and its live managed heap: the heap after a full
/// blocking GC the bench induces (<see cref="InducedGc"/>; <c>dotnet_gc_last_collection_heap_size_bytes</c> summed over
/// generations, from its /metrics). <see cref="Forced"/> is false when that GC did not happen: the heap is then the
/// one after the silo's own last GC.
/// </summary>
internal sealed record SiloSnapshot(double RssMiB, double? HeapMiB, int Threads, bool Forced)
{
    public string Heap => HeapMiB is { } h ? h.ToString("F1", CultureInfo.InvariantCulture) + (Forced ? "" : " (last GC)") : "n/a";

    public static async Task<SiloSnapshot> TakeAsync(HttpClient api, BenchProcess silo, CancellationToken ct)
    {
        double? heap = null;
        var forced = false;
        try
        {
            forced = await InducedGc.CollectAsync(silo.Pid, api, ct);
            var metrics = await api.GetStringAsync("metrics", ct);
            var sizes = SiloMetrics.Values(metrics, "dotnet_gc_last_collection_heap_size_bytes").ToList();
            heap = sizes.Count > 0 ? sizes.Sum() / 1048576 : null;
        }
        catch (HttpRequestException)
        {
            // /metrics not served: the heap stays unknown
        }
        return new SiloSnapshot(silo.RssMiB(), heap, ProcessCpu.Threads(silo.Pid), forced);
    }

    /// <summary>KiB per item of the growth from <paramref name="before"/> to this snapshot.</summary>
    public string PerItemKiB(SiloSnapshot before, int items) => string.Create(CultureInfo.InvariantCulture,
        $"RSS {(RssMiB - before.RssMiB) * 1024 / items:F1}, heap {(HeapMiB is { } h1 && before.HeapMiB is { } h0 ? ((h1 - h0) * 1024 / items).ToString("F1", CultureInfo.InvariantCulture) : "n/a")}");
}
