namespace OpenWxCluster.TestKit;

/// <summary>
/// Figures a test measures (a failover time, a throughput) for scripts/test.sh to print under "Measured by the
/// tests:". Each call writes its own file, named uniquely, into the folder named by OPENWX_TEST_FIGURES, so
/// parallel tests and processes never share a file; nothing is written when the variable is unset.
/// </summary>
public static class TestFigures
{
    public const string FolderVariable = "OPENWX_TEST_FIGURES";

    /// <summary>The extension the summarizer (tools/TestReport) reads.</summary>
    public const string FileExtension = ".figure";

    public static void Record(string name, string line) =>
        RecordIn(Environment.GetEnvironmentVariable(FolderVariable), name, line);

    /// <summary>Records into <paramref name="folder"/>; does nothing when it is null or empty.</summary>
    public static void RecordIn(string? folder, string name, string line)
    {
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        // Written under a temporary name and then renamed, so a reader never sees half a line.
        File.WriteAllText(stem + ".tmp", $"{OneLine(name)}: {OneLine(line)}\n");
        File.Move(stem + ".tmp", stem + FileExtension);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
