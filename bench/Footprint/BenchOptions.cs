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

    public static BenchOptions? Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--accounts" when int.TryParse(value, out var n) && n > 0:
                    options = options with { Accounts = n };
                    i++;
                    break;
                case "--warmup" when int.TryParse(value, out var n) && n >= 0:
                    options = options with { Warmup = n };
                    i++;
                    break;
                case "--parallel" when int.TryParse(value, out var n) && n > 0:
                    options = options with { Parallel = n };
                    i++;
                    break;
                case "--idle-seconds" when int.TryParse(value, out var n) && n > 0:
                    options = options with { IdleSeconds = n };
                    i++;
                    break;
                case "--settle-seconds" when int.TryParse(value, out var n) && n >= 0:
                    options = options with { SettleSeconds = n };
                    i++;
                    break;
                case "--login-timeout-seconds" when int.TryParse(value, out var n) && n > 0:
                    options = options with { LoginTimeoutSeconds = n };
                    i++;
                    break;
                case "--in-process-emulator":
                    options = options with { InProcessEmulator = true };
                    break;
                case "--emulator-dll" when value is not null:
                    options = options with { EmulatorDll = value };
                    i++;
                    break;
                default:
                    return null;
            }
        }
        return options;
    }
}
