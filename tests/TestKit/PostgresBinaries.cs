namespace OpenWxCluster.TestKit;

/// <summary>Locates the PostgreSQL server binaries (initdb, pg_ctl).</summary>
internal static class PostgresBinaries
{
    /// <summary>Overrides the search with an explicit bin directory.</summary>
    public const string OverrideVariable = "OPENWX_PG_BIN";

    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>The bin directory of the newest installed major version (Debian layout), or the override.</summary>
    public static string FindBinDirectory()
    {
        var overridden = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrEmpty(overridden))
        {
            return HasTools(overridden)
                ? overridden
                : throw new InvalidOperationException(
                    $"{OverrideVariable}={overridden} does not contain initdb and pg_ctl.");
        }

        var candidates = Directory.Exists(DebianRoot)
            ? Directory.GetDirectories(DebianRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: ParseVersion(Path.GetFileName(d))))
                .Where(c => c.Version is not null && HasTools(c.Dir))
                .OrderByDescending(c => c.Version)
                .ToArray()
            : [];
        if (candidates.Length == 0)
        {
            throw new InvalidOperationException(
                $"PostgreSQL server binaries not found: no {DebianRoot}/<version>/bin with initdb and pg_ctl. " +
                $"Install them (apt-get install postgresql) or set {OverrideVariable} to a bin directory.");
        }

        return candidates[0].Dir;
    }

    private static bool HasTools(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var v) ? v : null;
}
