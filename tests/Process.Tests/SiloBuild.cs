using System.Reflection;

namespace OpenWxCluster.Process.Tests;

/// <summary>Where the silo executable of the current configuration was built (baked in by the csproj).</summary>
public static class SiloBuild
{
    public static string OutputDirectory =>
        typeof(SiloBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SiloOutputDirectory").Value
        ?? throw new InvalidOperationException("SiloOutputDirectory metadata is empty");

    public static string Dll
    {
        get
        {
            var path = Path.Combine(OutputDirectory, "OpenWxCluster.Silo.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Silo build output not found", path);
        }
    }
}
