namespace OpenWxCluster.TestReport;

/// <summary>The verdicts on all assemblies and the closing line they add up to.</summary>
public sealed record RunReport(IReadOnlyList<AssemblyReport> Assemblies)
{
    public int Passed => Assemblies.Sum(a => a.Passed);

    public int Failed => Assemblies.Sum(a => a.Failed);

    public int Skipped => Assemblies.Sum(a => a.Skipped);

    public string ClosingLine => $"{Passed} passed, {Failed} failed, {Skipped} skipped";

    /// <summary>0 if and only if nothing failed, so the exit code and the closing line always agree.</summary>
    public int ExitCode => Failed == 0 ? 0 : 1;
}
