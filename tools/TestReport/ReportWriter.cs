namespace OpenWxCluster.TestReport;

/// <summary>The text the test script ends with: failed and skipped tests by name, the figures the tests measured,
/// one line per assembly, and the closing line, always last.</summary>
public static class ReportWriter
{
    public static IReadOnlyList<string> Lines(RunReport report, IReadOnlyList<string> figures)
    {
        var lines = new List<string>();
        AddTests(lines, "Failed tests:", report, a => a.FailedTestNames);
        AddTests(lines, "Skipped tests:", report, a => a.SkippedTestNames);

        lines.Add(figures.Count == 0 ? "Measured by the tests: (nothing recorded)" : "Measured by the tests:");
        lines.AddRange(figures.Select(f => $"  {f}"));

        lines.Add("Test assemblies:");
        var width = report.Assemblies.Max(a => a.Name.Length);
        lines.AddRange(report.Assemblies.Select(a =>
            $"  {a.Name.PadRight(width)} {a.Passed,5} passed {a.Failed,3} failed {a.Skipped,3} skipped   {a.Reason}"));

        lines.Add(report.ClosingLine);
        return lines;
    }

    private static void AddTests(List<string> lines, string title, RunReport report, Func<AssemblyReport, IReadOnlyList<string>> names)
    {
        var tests = report.Assemblies.SelectMany(a => names(a).Select(n => $"  {a.Name}: {n}")).ToList();
        if (tests.Count > 0)
        {
            lines.Add(title);
            lines.AddRange(tests);
        }
    }
}
