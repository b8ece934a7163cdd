using System.Globalization;
using OpenWxCluster.Bench.Shared;

namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// The silo process at one moment: RSS and threads from /proc, and the managed heap after its last GC
/// (<c>dotnet_gc_last_collection_heap_size_bytes</c> summed over generations, from its /metrics; not a forced GC).
/// </summary>
internal sealed record SiloSnapshot(double RssMiB, double? HeapMiB, int Threads)
{
    public string Heap => HeapMiB is { } h ? h.ToString("F1", CultureInfo.InvariantCulture) : "n/a";

    public static async Task<SiloSnapshot> TakeAsync(HttpClient api, BenchProcess silo, CancellationToken ct)
    {
        double? heap = null;
        try
        {
            var metrics = await api.GetStringAsync("metrics", ct);
            var sizes = metrics.Split('\n')
                .Where(l => l.StartsWith("dotnet_gc_last_collection_heap_size_bytes{", StringComparison.Ordinal))
                .Select(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))
                .ToList();
            heap = sizes.Count > 0 ? sizes.Sum() / 1048576 : null;
        }
        catch (HttpRequestException)
        {
            // /metrics not served: the heap stays unknown
        }
        return new SiloSnapshot(silo.RssMiB(), heap, ProcessCpu.Threads(silo.Pid));
    }

    /// <summary>KiB per item of the growth from <paramref name="before"/> to this snapshot.</summary>
    public string PerItemKiB(SiloSnapshot before, int items) => string.Create(CultureInfo.InvariantCulture,
        $"RSS {(RssMiB - before.RssMiB) * 1024 / items:F1}, heap {(HeapMiB is { } h1 && before.HeapMiB is { } h0 ? ((h1 - h0) * 1024 / items).ToString("F1", CultureInfo.InvariantCulture) : "n/a")}");
}
