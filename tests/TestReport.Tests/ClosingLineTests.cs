namespace OpenWxCluster.TestReport.Tests;

public sealed class ClosingLineTests
{
    private static readonly string[] All = [Samples.Passing, Samples.Failing, Samples.Skipped, Samples.ZeroTests, Samples.Crashed];

    [Fact]
    public void A_clean_run_closes_green_with_exit_code_0()
    {
        var report = RunSummarizer.Summarize([Samples.Recorded(Samples.Passing), Samples.Recorded(Samples.Skipped)], []);

        Assert.Equal(("4 passed, 0 failed, 1 skipped", 0), (report.ClosingLine, report.ExitCode));
    }

    [Fact]
    public void The_crash_that_the_console_called_Passed_closes_red()
    {
        // dotnet test printed "Passed!  - Failed: 0, Passed: 2" for this run, then "Test Run Aborted.".
        var report = RunSummarizer.Summarize([Samples.Recorded(Samples.Crashed)], []);

        Assert.Equal(("2 passed, 1 failed, 0 skipped", 1), (report.ClosingLine, report.ExitCode));
    }

    [Fact]
    public void Every_assembly_problem_adds_one_failure_to_the_failed_tests()
    {
        var runs = All.Select(Samples.Recorded).Append(Samples.MissingTrx("Gone.Tests", 1));
        var report = RunSummarizer.Summarize(runs, ["tests/New.Tests/New.Tests.csproj"]);

        // 1 failed test; zero tests, crash, missing TRX and the unlisted project add 1 each.
        Assert.Equal(("8 passed, 5 failed, 1 skipped", 1), (report.ClosingLine, report.ExitCode));
    }

    [Fact]
    public void A_test_project_missing_from_the_expected_list_is_reported_and_fails_the_run()
    {
        var report = RunSummarizer.Summarize([Samples.Recorded(Samples.Passing)], ["tests/New.Tests/New.Tests.csproj"]);

        var unlisted = report.Assemblies[^1];
        Assert.Equal(("New.Tests", Verdict.NotListed, 1), (unlisted.Name, unlisted.Verdict, unlisted.Failed));
        Assert.Contains("not in the expected list", unlisted.Reason, StringComparison.Ordinal);
        Assert.Equal(("2 passed, 1 failed, 0 skipped", 1), (report.ClosingLine, report.ExitCode));
    }

    [Fact]
    public void Nothing_expected_and_nothing_found_is_a_failure_not_a_green_zero()
    {
        var report = RunSummarizer.Summarize([], []);

        Assert.Equal(("0 passed, 1 failed, 0 skipped", 1), (report.ClosingLine, report.ExitCode));
    }

    [Theory]
    [InlineData(Samples.Passing, 0)]
    [InlineData(Samples.Failing, 1)]
    [InlineData(Samples.Skipped, 0)]
    [InlineData(Samples.ZeroTests, 0)]
    [InlineData(Samples.Crashed, 1)]
    [InlineData(Samples.Crashed, 0)]
    [InlineData(Samples.Passing, 1)]
    public void The_exit_code_is_0_exactly_when_the_closing_line_counts_no_failure(string sample, int exitCode)
    {
        var report = RunSummarizer.Summarize([Samples.Run(sample, exitCode)], []);

        Assert.Equal(report.ClosingLine.Contains(" 0 failed,", StringComparison.Ordinal), report.ExitCode == 0);
    }

    [Fact]
    public void The_output_lists_figures_then_assemblies_and_ends_with_the_closing_line()
    {
        var report = RunSummarizer.Summarize(All.Select(Samples.Recorded), []);

        var lines = ReportWriter.Lines(report, ["failover: 0.9 s"]);

        Assert.Equal("8 passed, 3 failed, 1 skipped", lines[^1]);
        Assert.Equal(All, lines.Skip(lines.Count - 6).Take(5).Select(FirstWord));
        Assert.Equal(["Measured by the tests:", "  failover: 0.9 s", "Test assemblies:"], lines.Skip(lines.Count - 9).Take(3));
        Assert.Contains("  skipped: Sample.Tests.WaitsForUpstream", lines);
        Assert.Contains("  failing: Sample.Tests.IsWrongOnPurpose", lines);
    }

    [Fact]
    public void Each_assembly_line_shows_its_counts_and_reason()
    {
        var lines = ReportWriter.Lines(RunSummarizer.Summarize([Samples.Recorded(Samples.ZeroTests)], []), []);

        Assert.Equal("  zero-tests     0 passed   1 failed   0 skipped   ran zero tests", lines[^2]);
        Assert.Equal("Measured by the tests: (nothing recorded)", lines[^4]);
    }

    private static string FirstWord(string line) => line.Trim().Split(' ')[0];
}
