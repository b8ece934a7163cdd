using System.Xml.Linq;

namespace OpenWxCluster.TestReport;

/// <summary>Finds the test projects under a folder, so a new one cannot be left out of the expected list.</summary>
public static class TestProjectScan
{
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules"];

    /// <summary>
    /// A test project sets <c>IsTestProject</c> to true, or references Microsoft.NET.Test.Sdk (whose build files
    /// set it; Cluster.Tests and Process.Tests rely on that) without setting it to false.
    /// </summary>
    public static bool IsTestProject(string projectXml)
    {
        var root = XDocument.Parse(projectXml).Root;
        if (root is null)
        {
            return false;
        }
        var flag = root.Descendants().LastOrDefault(e => e.Name.LocalName == "IsTestProject")?.Value.Trim();
        if (flag is not null)
        {
            return string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase);
        }
        return root.Descendants().Any(e => e.Name.LocalName == "PackageReference"
            && string.Equals((string?)e.Attribute("Include"), "Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Test projects under <paramref name="folder"/> not in <paramref name="listed"/>; all paths relative
    /// to <paramref name="root"/>, with forward slashes, sorted.</summary>
    public static IReadOnlyList<string> FindUnlisted(string root, string folder, IEnumerable<string> listed)
    {
        var known = listed.Select(p => Path.GetFullPath(p, root)).ToHashSet(StringComparer.Ordinal);
        return Projects(Path.GetFullPath(folder, root))
            .Where(p => !known.Contains(p) && IsTestProject(File.ReadAllText(p)))
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<string> Projects(string folder)
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }
        foreach (var project in Directory.EnumerateFiles(folder, "*.csproj"))
        {
            yield return project;
        }
        var subfolders = Directory.EnumerateDirectories(folder).Where(d => !SkippedFolders.Contains(Path.GetFileName(d)));
        foreach (var project in subfolders.SelectMany(Projects))
        {
            yield return project;
        }
    }
}
