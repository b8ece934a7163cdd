namespace OpenWxCluster.TestReport;

/// <summary>Turns what the test script recorded into verdicts: one per expected assembly, in list order, then one
/// per test project found under tests/ but missing from the expected list.</summary>
public static class RunSummarizer
{
    public static RunReport Summarize(IEnumerable<AssemblyRun> expected, IEnumerable<string> unlistedProjects)
    {
        var reports = expected.Select(VerdictRules.Judge)
            .Concat(unlistedProjects.Select(project => AssemblyReport.Problem(
                Path.GetFileNameWithoutExtension(project),
                Verdict.NotListed,
                $"not in the expected list: {project} was not run")))
            .ToList();
        if (reports.Count == 0)
        {
            reports.Add(AssemblyReport.Problem("(none)", Verdict.NoResults, "no results: no test assembly expected or found"));
        }
        return new RunReport(reports);
    }
}
