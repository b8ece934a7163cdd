namespace OpenWxCluster.TestReport.Tests;

public sealed class VerdictTests
{
    [Fact]
    public void A_passing_run_is_ok()
    {
        var report = VerdictRules.Judge(Samples.Recorded(Samples.Passing));

        Assert.Equal((Verdict.Ok, "ok", 2, 0, 0), (report.Verdict, report.Reason, report.Passed, report.Failed, report.Skipped));
    }

    [Fact]
    public void A_run_with_a_failed_test_is_failed_tests_and_counts_only_that_test()
    {
        var report = VerdictRules.Judge(Samples.Recorded(Samples.Failing));

        Assert.Equal((Verdict.FailedTests, "failed tests: 1", 2, 1), (report.Verdict, report.Reason, report.Passed, report.Failed));
    }

    [Fact]
    public void A_run_with_a_skipped_test_is_ok_and_names_the_skipped_test()
    {
        var report = VerdictRules.Judge(Samples.Recorded(Samples.Skipped));

        Assert.Equal((Verdict.Ok, 2, 0, 1), (report.Verdict, report.Passed, report.Failed, report.Skipped));
        Assert.Equal(["Sample.Tests.WaitsForUpstream"], report.SkippedTestNames);
    }

    [Fact]
    public void A_run_of_zero_tests_with_exit_code_0_is_a_failure()
    {
        var report = VerdictRules.Judge(Samples.Recorded(Samples.ZeroTests));

        Assert.Equal((Verdict.ZeroTests, "ran zero tests", 1), (report.Verdict, report.Reason, report.Failed));
    }

    [Fact]
    public void A_crashed_host_is_aborted_keeps_its_passed_tests_and_counts_one_failure()
    {
        var report = VerdictRules.Judge(Samples.Recorded(Samples.Crashed));

        Assert.Equal((Verdict.Aborted, 2, 1), (report.Verdict, report.Passed, report.Failed));
        Assert.StartsWith("aborted: The active test run was aborted. Reason: Test host process crashed", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crashed_host_is_aborted_from_the_trx_alone_even_with_exit_code_0()
    {
        Assert.Equal(Verdict.Aborted, VerdictRules.Judge(Samples.Run(Samples.Crashed, exitCode: 0)).Verdict);
    }

    [Fact]
    public void A_non_zero_exit_code_without_a_failed_test_is_aborted()
    {
        var report = VerdictRules.Judge(Samples.Run(Samples.Passing, exitCode: 134));

        Assert.Equal((Verdict.Aborted, "aborted: exit code 134 with no failed test", 1), (report.Verdict, report.Reason, report.Failed));
    }

    [Fact]
    public void A_missing_trx_is_no_results()
    {
        var report = VerdictRules.Judge(Samples.MissingTrx("Gone.Tests", exitCode: 1));

        Assert.Equal((Verdict.NoResults, "no results: TRX file missing (exit code 1)", 1), (report.Verdict, report.Reason, report.Failed));
    }

    [Fact]
    public void A_missing_trx_is_no_results_even_with_exit_code_0()
    {
        Assert.Equal(Verdict.NoResults, VerdictRules.Judge(Samples.MissingTrx("Gone.Tests", exitCode: 0)).Verdict);
    }

    [Fact]
    public void An_assembly_without_a_recorded_exit_code_is_no_results()
    {
        var report = VerdictRules.Judge(new AssemblyRun("Never.Run", null, Samples.Path(Samples.Passing)));

        Assert.Equal((Verdict.NoResults, 1), (report.Verdict, report.Failed));
    }

    [Fact]
    public void An_unreadable_trx_is_no_results()
    {
        var path = System.IO.Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "<TestRun");
            var report = VerdictRules.Judge(new AssemblyRun("Torn.Tests", 1, path));
            Assert.Equal((Verdict.NoResults, 1), (report.Verdict, report.Failed));
            Assert.StartsWith("no results: TRX unreadable", report.Reason, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
