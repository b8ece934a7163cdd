namespace OpenWxCluster.Conformance.Tests;

/// <summary>Finds executables on PATH and the harness directory baked into the assembly by the csproj.</summary>
internal static class ToolLocator
{
    public static string HarnessDirectory
    {
        get
        {
            var directory = typeof(ToolLocator).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                .Cast<System.Reflection.AssemblyMetadataAttribute>()
                .Single(a => a.Key == "Wechat4uHarnessDirectory").Value!;
            if (!File.Exists(Path.Combine(directory, "harness.js")))
            {
                throw new InvalidOperationException($"the wechat4u harness is missing: {directory}/harness.js");
            }

            return directory;
        }
    }

    /// <summary>The full path of <paramref name="name"/> on PATH; fails with a clear message when it is not installed.</summary>
    public static string Require(string name)
    {
        var extensions = OperatingSystem.IsWindows() ? new[] { ".exe", ".cmd", "" } : [""];
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(directory, name + extension);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException(
            $"'{name}' is not on PATH. The wechat4u conformance test needs Node.js 20+ and npm (https://nodejs.org); " +
            "install them and re-run (the test installs tests/wechat4u/node_modules itself with `npm ci`).");
    }
}
