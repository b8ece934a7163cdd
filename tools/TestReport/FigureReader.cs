namespace OpenWxCluster.TestReport;

/// <summary>Reads the figures that tests recorded with TestKit's TestFigures: every <c>*.figure</c> file in the
/// folder named by OPENWX_TEST_FIGURES, one "name: line" per line, returned sorted.</summary>
public static class FigureReader
{
    public const string FileExtension = ".figure";

    public static IReadOnlyList<string> Read(string? folder)
    {
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            return [];
        }
        return Directory.EnumerateFiles(folder, "*" + FileExtension)
            .SelectMany(File.ReadAllLines)
            .Where(line => line.Trim().Length > 0)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
