namespace OpenWxCluster.TestReport;

/// <summary>What one TRX file says: the run outcome, the counters, the tests by name, and the messages by which
/// VSTest says the run was aborted (such as "Test host process crashed").</summary>
public sealed record TrxResult(
    string Outcome,
    int Total,
    int Passed,
    int Failed,
    IReadOnlyList<string> FailedTests,
    IReadOnlyList<string> SkippedTests,
    IReadOnlyList<string> AbortMessages)
{
    public int Skipped => SkippedTests.Count;
}
