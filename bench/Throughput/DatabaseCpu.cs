using System.Globalization;
using OpenWxCluster.Bench.Shared;

namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// CPU used by a PostgreSQL server: the postmaster (its pid from <c>postmaster.pid</c>) and every process it forked
/// (a backend per pooled connection, the WAL writer, autovacuum...). A backend that exits takes its time with it;
/// the silo's pooled connections live through a phase.
/// </summary>
internal sealed class DatabaseCpu(string rootDirectory)
{
    private int? _postmaster;

    public TimeSpan CpuTime()
    {
        var postmaster = _postmaster ??= int.Parse(File.ReadLines(Path.Combine(rootDirectory, "data", "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        var total = ProcessCpu.Of(postmaster);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ParentOf(pid) == postmaster)
            {
                total += ProcessCpu.Of(pid);
            }
        }
        return total;
    }

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
