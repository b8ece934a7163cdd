using System.Globalization;

namespace OpenWxCluster.Bench.Throughput;

/// <summary>Samples of one metric in the silo's Prometheus text (/metrics), read by the heap and GC figures.</summary>
internal static class SiloMetrics
{
    /// <summary>The values of <paramref name="name"/>'s labelled samples whose labels contain <paramref name="label"/>.</summary>
    public static IEnumerable<double> Values(string metrics, string name, string label = "") =>
        metrics.Split('\n')
            .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains(label, StringComparison.Ordinal))
            .Select(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}
