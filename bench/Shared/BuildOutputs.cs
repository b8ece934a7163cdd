namespace OpenWxCluster.Bench.Shared;

/// <summary>Build outputs of this repository's programs (the emulator, the silo), found by walking up to the solution.</summary>
public static class BuildOutputs
{
    /// <summary>The folder holding OpenWxCluster.sln, above this program's folder.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenWxCluster.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("OpenWxCluster.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// <c>src/&lt;project&gt;/bin/&lt;configuration&gt;/net10.0/&lt;dll&gt;</c>, the configuration of this program first
    /// (a Release bench measures Release programs), then the other one.
    /// </summary>
    public static string Dll(string project, string dll)
    {
#if DEBUG
        string[] configurations = ["Debug", "Release"];
#else
        string[] configurations = ["Release", "Debug"];
#endif
        var root = RepositoryRoot();
        foreach (var configuration in configurations)
        {
            var path = Path.Combine(root, "src", project, "bin", configuration, "net10.0", dll);
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException($"{dll} not found: build src/{project} (-c Release)", dll);
    }

    public static string EmulatorDll() => Dll("Emulator", "OpenWxCluster.Emulator.dll");

    public static string SiloDll() => Dll("Silo", "OpenWxCluster.Silo.dll");
}
