namespace OpenWxCluster.TestReport;

/// <summary>Judges one assembly from its exit code and its TRX file. The first rule that applies wins:
/// no results, aborted, ran zero tests, failed tests, ok.</summary>
public static class VerdictRules
{
    public static AssemblyReport Judge(AssemblyRun run)
    {
        if (run.ExitCode is not { } exitCode)
        {
            return AssemblyReport.Problem(run.Name, Verdict.NoResults, "no results: no exit code recorded (not run)");
        }
        if (run.TrxPath is null || !File.Exists(run.TrxPath))
        {
            return AssemblyReport.Problem(run.Name, Verdict.NoResults, $"no results: TRX file missing (exit code {exitCode})");
        }

        TrxResult trx;
        try
        {
            trx = TrxReader.Read(run.TrxPath);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return AssemblyReport.Problem(run.Name, Verdict.NoResults, $"no results: TRX unreadable, {e.Message} (exit code {exitCode})");
        }

        var abort = AbortReasons(exitCode, trx);
        if (abort.Count > 0)
        {
            return AssemblyReport.From(run.Name, Verdict.Aborted, $"aborted: {string.Join("; ", abort)}", trx);
        }
        if (trx.Passed + trx.Failed == 0)
        {
            var skipped = trx.Skipped > 0 ? $" ({trx.Skipped} skipped)" : "";
            return AssemblyReport.From(run.Name, Verdict.ZeroTests, $"ran zero tests{skipped}", trx);
        }
        if (trx.Failed > 0)
        {
            return AssemblyReport.From(run.Name, Verdict.FailedTests, $"failed tests: {trx.Failed}", trx);
        }
        return AssemblyReport.From(run.Name, Verdict.Ok, "ok", trx);
    }

    /// <summary>
    /// A run is aborted when the TRX carries VSTest's abort message ("The active test run was aborted. Reason:
    /// Test host process crashed ..."), when its outcome is neither Completed nor Failed, when it
    /// says Failed without a failed test, or when dotnet test exited non-zero without a failed test.
    /// </summary>
    private static List<string> AbortReasons(int exitCode, TrxResult trx)
    {
        if (trx.AbortMessages.Count > 0)
        {
            return [.. trx.AbortMessages.Select(e => $"{e} (exit code {exitCode})")];
        }
        var reasons = new List<string>();
        if (trx.Outcome is not ("Completed" or "Failed"))
        {
            reasons.Add($"run outcome {trx.Outcome}");
        }
        if (trx.Outcome == "Failed" && trx.Failed == 0)
        {
            reasons.Add("run outcome Failed with no failed test");
        }
        if (exitCode != 0 && trx.Failed == 0)
        {
            reasons.Add($"exit code {exitCode} with no failed test");
        }
        return reasons;
    }
}
