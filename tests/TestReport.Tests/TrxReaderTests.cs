namespace OpenWxCluster.TestReport.Tests;

public sealed class TrxReaderTests
{
    [Fact]
    public void A_passing_run_reads_as_completed_with_its_counts()
    {
        var trx = TrxReader.Read(Samples.Path(Samples.Passing));

        Assert.Equal(("Completed", 2, 2, 0, 0), (trx.Outcome, trx.Total, trx.Passed, trx.Failed, trx.Skipped));
        Assert.Empty(trx.AbortMessages);
    }

    [Fact]
    public void A_failed_test_is_counted_and_named()
    {
        var trx = TrxReader.Read(Samples.Path(Samples.Failing));

        Assert.Equal(("Failed", 2, 1), (trx.Outcome, trx.Passed, trx.Failed));
        Assert.Equal(["Sample.Tests.IsWrongOnPurpose"], trx.FailedTests);
    }

    [Fact]
    public void The_xunit_FAIL_line_logged_as_an_error_is_not_an_abort()
    {
        Assert.Empty(TrxReader.Read(Samples.Path(Samples.Failing)).AbortMessages);
    }

    [Fact]
    public void A_skipped_test_is_counted_from_its_result_although_the_counter_says_zero()
    {
        var trx = TrxReader.Read(Samples.Path(Samples.Skipped));

        Assert.Equal((2, 0, 1), (trx.Passed, trx.Failed, trx.Skipped));
        Assert.Equal(["Sample.Tests.WaitsForUpstream"], trx.SkippedTests);
    }

    [Fact]
    public void A_crashed_host_reads_as_failed_outcome_without_failed_tests_and_with_the_abort_message()
    {
        var trx = TrxReader.Read(Samples.Path(Samples.Crashed));

        Assert.Equal(("Failed", 2, 0), (trx.Outcome, trx.Passed, trx.Failed));
        var message = Assert.Single(trx.AbortMessages);
        Assert.Contains("Test host process crashed", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_xml_is_invalid_data()
    {
        var path = System.IO.Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "Test Run Aborted.");
            Assert.Throws<InvalidDataException>(() => TrxReader.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
