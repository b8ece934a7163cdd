using OpenWxCluster.Bench.Shared;

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

    /// <summary>The emulator dll: <c>--emulator</c>, else the src/Emulator build output.</summary>
    public string ResolveEmulatorDll() => EmulatorDll is not null ? Path.GetFullPath(EmulatorDll) : BuildOutputs.EmulatorDll();
}
