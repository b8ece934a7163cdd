namespace OpenWxCluster.TestReport;

/// <summary>How one test assembly ended. Everything but <see cref="Ok"/> and <see cref="FailedTests"/> is an
/// assembly-level problem, which counts as one failure on top of the failed tests.</summary>
public enum Verdict
{
    Ok,
    FailedTests,
    Aborted,
    ZeroTests,
    NoResults,
    NotListed,
}
