namespace OpenWxCluster.TestReport;

/// <summary>The verdict on one test assembly, with the reason a person reads and the test counts.</summary>
public sealed record AssemblyReport(
    string Name,
    Verdict Verdict,
    string Reason,
    int Passed,
    int FailedTests,
    int Skipped,
    IReadOnlyList<string> FailedTestNames,
    IReadOnlyList<string> SkippedTestNames)
{
    /// <summary>Aborted, zero tests, no results or not listed: the assembly itself went wrong.</summary>
    public bool IsAssemblyProblem => Verdict is not (Verdict.Ok or Verdict.FailedTests);

    /// <summary>Failures this assembly adds to the closing line: its failed tests, plus one for an assembly-level
    /// problem, so a run with any problem can never close green.</summary>
    public int Failed => FailedTests + (IsAssemblyProblem ? 1 : 0);

    public static AssemblyReport Problem(string name, Verdict verdict, string reason) =>
        new(name, verdict, reason, 0, 0, 0, [], []);

    public static AssemblyReport From(string name, Verdict verdict, string reason, TrxResult trx) =>
        new(name, verdict, reason, trx.Passed, trx.Failed, trx.Skipped, trx.FailedTests, trx.SkippedTests);
}
