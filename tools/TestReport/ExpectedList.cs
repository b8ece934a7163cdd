namespace OpenWxCluster.TestReport;

/// <summary>The checked-in list of test projects (tests/test-assemblies.txt): one project path per line, relative
/// to the repository root; blank lines and lines starting with # are ignored. scripts/test.sh reads it the same way.</summary>
public static class ExpectedList
{
    public static IReadOnlyList<string> Parse(string text) => text
        .Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary>The name the script gives the project's TRX and exit-code files: the project file name.</summary>
    public static string NameOf(string project) => Path.GetFileNameWithoutExtension(project);
}
