namespace OpenWxCluster.Bench.EmulatorLoad;

/// <summary>Command line: <c>--sessions 10000 --concurrency 64 --wakes 5 --emulator path/OpenWxCluster.Emulator.dll</c>.</summary>
internal sealed record LoadOptions
{
    public int Sessions { get; init; } = 10_000;
    public int Concurrency { get; init; } = 64;
    public int Wakes { get; init; } = 5;
    public string? EmulatorDll { get; init; }

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--sessions" => options with { Sessions = int.Parse(args[i + 1]) },
                "--concurrency" => options with { Concurrency = int.Parse(args[i + 1]) },
                "--wakes" => options with { Wakes = int.Parse(args[i + 1]) },
                "--emulator" => options with { EmulatorDll = args[i + 1] },
                _ => throw new ArgumentException($"unknown argument {args[i]}"),
            };
        }

        return options;
    }

    /// <summary>The emulator dll from the src/Emulator build output, found by walking up to the solution.</summary>
    public string ResolveEmulatorDll()
    {
        if (EmulatorDll is not null)
        {
            return Path.GetFullPath(EmulatorDll);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenWxCluster.sln")))
            {
                foreach (var config in new[] { "Release", "Debug" })
                {
                    var dll = Path.Combine(dir.FullName, "src", "Emulator", "bin", config, "net10.0", "OpenWxCluster.Emulator.dll");
                    if (File.Exists(dll))
                    {
                        return dll;
                    }
                }
            }
        }

        throw new FileNotFoundException("OpenWxCluster.Emulator.dll not found: build src/Emulator or pass --emulator");
    }
}
