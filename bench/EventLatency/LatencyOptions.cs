using OpenWxCluster.Bench.Shared;

namespace OpenWxCluster.Bench.EventLatency;

/// <summary>Command line of the latency bench.</summary>
public sealed record LatencyOptions
{
    public const string Usage =
        "usage: [--accounts N (50)] [--rounds N (3)] [--low-rate MSG_PER_S (5)] [--low-count N (50)] " +
        "[--high-rate MSG_PER_S (200)] [--high-count N (1000)] [--drain-seconds S (15)] [--pump-interval-ms MS (1000)]";

    /// <summary>Accounts per consumer: the product's and as many bare upstream clients for the ceiling.</summary>
    public int Accounts { get; init; } = 50;

    /// <summary>Rounds; each measures every consumer, in alternating order.</summary>
    public int Rounds { get; init; } = 3;

    public int LowRate { get; init; } = 5;

    public int LowCount { get; init; } = 50;

    public int HighRate { get; init; } = 200;

    public int HighCount { get; init; } = 1000;

    /// <summary>How long after the last injection a message may still arrive before it counts as lost.</summary>
    public int DrainSeconds { get; init; } = 15;

    /// <summary>Injection rate of the burst phase; far above what any consumer takes, so it measures throughput.</summary>
    public int BurstRate { get; init; } = 5_000;

    /// <summary>The product's <c>OpenWx:Sync:PumpInterval</c> (its default is 1 s).</summary>
    public int PumpIntervalMs { get; init; } = 1000;

    private static readonly Dictionary<string, (int Min, Func<LatencyOptions, int, LatencyOptions> Apply)> IntegerOptions = new()
    {
        ["--accounts"] = (1, (o, n) => o with { Accounts = n }),
        ["--rounds"] = (1, (o, n) => o with { Rounds = n }),
        ["--low-rate"] = (1, (o, n) => o with { LowRate = n }),
        ["--low-count"] = (1, (o, n) => o with { LowCount = n }),
        ["--high-rate"] = (1, (o, n) => o with { HighRate = n }),
        ["--high-count"] = (1, (o, n) => o with { HighCount = n }),
        ["--drain-seconds"] = (1, (o, n) => o with { DrainSeconds = n }),
        ["--pump-interval-ms"] = (1, (o, n) => o with { PumpIntervalMs = n }),
    };

    /// <summary>Null when an argument is unknown or out of range.</summary>
    public static LatencyOptions? Parse(string[] args) => IntegerArguments.Parse(args, new LatencyOptions(), IntegerOptions);

    /// <summary>The two injection phases of every round.</summary>
    public IReadOnlyList<LoadPhase> Phases() =>
    [
        new($"{LowRate} msg/s", LowRate, LowCount),
        new($"{HighRate} msg/s", HighRate, HighCount),
        // As fast as the control API takes them: what each consumer delivers per second (its throughput).
        new("burst", BurstRate, HighCount),
    ];
}
