using System.Reflection;

namespace OpenWxCluster.Process.Tests;

/// <summary>Where the silo and web front executables of the current configuration were built (baked in by the csproj).</summary>
public static class BuildOutput
{
    public static string Silo => Dll("SiloOutputDirectory", "OpenWxCluster.Silo.dll");

    public static string WebFront => Dll("WebFrontOutputDirectory", "OpenWxCluster.WebFront.dll");

    private static string Dll(string key, string file)
    {
        var directory = typeof(BuildOutput).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException($"{key} metadata is empty");
        var path = Path.Combine(directory, file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{file} not built", path);
    }
}
