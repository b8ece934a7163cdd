namespace OpenWxCluster.Bench.Footprint;

/// <summary>Command line of the footprint bench.</summary>
public sealed record BenchOptions
{
    public const string Usage =
        "usage: [--accounts N (1000)] [--warmup N (10)] [--parallel N (200)] [--idle-seconds S (10)] " +
        "[--settle-seconds S (5)] [--login-timeout-seconds S (600)] [--in-process-emulator] [--emulator-dll PATH]";

    public int Accounts { get; init; } = 1000;

    /// <summary>Accounts logged in before the baseline, so JIT and first-use caches are not charged per account.</summary>
    public int Warmup { get; init; } = 10;

    /// <summary>Logins in flight at once.</summary>
    public int Parallel { get; init; } = 200;

    public int IdleSeconds { get; init; } = 10;

    /// <summary>Pause after the last login, so every account reaches its hanging synccheck.</summary>
    public int SettleSeconds { get; init; } = 5;

    public int LoginTimeoutSeconds { get; init; } = 600;

    public bool InProcessEmulator { get; init; }

    public string? EmulatorDll { get; init; }

    // Integer options: name → (smallest allowed value, how to apply it).
    private static readonly Dictionary<string, (int Min, Func<BenchOptions, int, BenchOptions> Apply)> IntegerOptions = new()
    {
        ["--accounts"] = (1, (o, n) => o with { Accounts = n }),
        ["--warmup"] = (0, (o, n) => o with { Warmup = n }),
        ["--parallel"] = (1, (o, n) => o with { Parallel = n }),
        ["--idle-seconds"] = (1, (o, n) => o with { IdleSeconds = n }),
        ["--settle-seconds"] = (0, (o, n) => o with { SettleSeconds = n }),
        ["--login-timeout-seconds"] = (1, (o, n) => o with { LoginTimeoutSeconds = n }),
    };

    /// <summary>Null when an argument is unknown or out of range.</summary>
    public static BenchOptions? Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            if (IntegerOptions.TryGetValue(args[i], out var option))
            {
                if (!int.TryParse(value, out var n) || n < option.Min)
                {
                    return null;
                }
                options = option.Apply(options, n);
                i++;
            }
            else if (args[i] == "--in-process-emulator")
            {
                options = options with { InProcessEmulator = true };
            }
            else if (args[i] == "--emulator-dll" && value is not null)
            {
                options = options with { EmulatorDll = value };
                i++;
            }
            else
            {
                return null;
            }
        }
        return options;
    }
}
