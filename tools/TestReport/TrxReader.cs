using System.Xml.Linq;

namespace OpenWxCluster.TestReport;

/// <summary>Reads a VSTest TRX file with System.Xml.Linq.</summary>
/// <remarks>
/// Passed and failed come from <c>ResultSummary/Counters</c>. Skipped tests are counted from the
/// <c>UnitTestResult</c> elements whose outcome is <c>NotExecuted</c>: with xunit the <c>notExecuted</c> counter
/// stays 0 for a skipped test (seen in the recorded sample). Failed counts the error, timeout and aborted
/// counters too, which are test outcomes as bad as a failure.
/// </remarks>
public static class TrxReader
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private static readonly string[] FailedOutcomes = ["Failed", "Error", "Timeout", "Aborted"];

    /// <exception cref="InvalidDataException">The file is not XML or has no ResultSummary.</exception>
    public static TrxResult Read(string path)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path);
        }
        catch (System.Xml.XmlException e)
        {
            throw new InvalidDataException($"not a TRX file: {e.Message}", e);
        }
        var summary = document.Root?.Element(Ns + "ResultSummary")
            ?? throw new InvalidDataException("no ResultSummary element");
        var counters = summary.Element(Ns + "Counters") ?? throw new InvalidDataException("no Counters element");
        var results = document.Root.Element(Ns + "Results")?.Elements(Ns + "UnitTestResult").ToList() ?? [];

        var failedTests = NamesWith(results, FailedOutcomes);
        var failed = Count(counters, "failed") + Count(counters, "error") + Count(counters, "timeout") + Count(counters, "aborted");
        return new TrxResult(
            Outcome: (string?)summary.Attribute("outcome") ?? "",
            Total: Count(counters, "total"),
            Passed: Count(counters, "passed"),
            Failed: Math.Max(failed, failedTests.Count),
            FailedTests: failedTests,
            SkippedTests: NamesWith(results, ["NotExecuted"]),
            AbortMessages: summary.Element(Ns + "RunInfos")?.Elements(Ns + "RunInfo")
                .Select(info => FirstLine((string?)info.Element(Ns + "Text") ?? ""))
                .Where(IsAbortMessage)
                .ToList() ?? []);
    }

    /// <summary>VSTest's own words for an aborted run ("The active test run was aborted. Reason: Test host process
    /// crashed ..."). Not every RunInfo with outcome Error is one: xunit's "[FAIL]" lines are logged there too.</summary>
    private static bool IsAbortMessage(string text) =>
        text.Contains("test run was aborted", StringComparison.OrdinalIgnoreCase)
        || text.Contains("test host process crashed", StringComparison.OrdinalIgnoreCase);

    private static int Count(XElement counters, string name) => (int?)counters.Attribute(name) ?? 0;

    private static List<string> NamesWith(List<XElement> results, string[] outcomes) => results
        .Where(r => outcomes.Contains((string?)r.Attribute("outcome")))
        .Select(r => (string?)r.Attribute("testName") ?? "(unnamed test)")
        .Order(StringComparer.Ordinal)
        .ToList();

    private static string FirstLine(string text)
    {
        var line = text.Trim();
        var end = line.IndexOfAny(['\r', '\n']);
        return end < 0 ? line : line[..end].TrimEnd();
    }
}
