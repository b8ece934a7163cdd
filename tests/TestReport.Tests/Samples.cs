namespace OpenWxCluster.TestReport.Tests;

/// <summary>The recorded TRX files (Samples/README.md) and the runs test.sh would have recorded with them.</summary>
internal static class Samples
{
    public const string Passing = "passing";
    public const string Failing = "failing";
    public const string Skipped = "skipped";
    public const string ZeroTests = "zero-tests";
    public const string Crashed = "crashed";

    public static string Path(string sample) => System.IO.Path.Combine(AppContext.BaseDirectory, "Samples", sample + ".trx");

    /// <summary>An assembly named after the sample, with the exit code that dotnet test really gave for it.</summary>
    public static AssemblyRun Recorded(string sample) => Run(sample, sample switch
    {
        Failing or Crashed => 1,
        _ => 0,
    });

    public static AssemblyRun Run(string sample, int exitCode) => new(sample, exitCode, Path(sample));

    public static AssemblyRun MissingTrx(string name, int exitCode) =>
        new(name, exitCode, System.IO.Path.Combine(AppContext.BaseDirectory, "Samples", "does-not-exist.trx"));
}
