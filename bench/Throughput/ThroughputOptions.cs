using OpenWxCluster.Bench.Shared;

namespace OpenWxCluster.Bench.Throughput;

/// <summary>Command line of the throughput bench; every figure has a default (issue 11's settings).</summary>
public sealed record ThroughputOptions
{
    public const string Usage =
        "usage: [--connections N (64)] [--seconds S (10)] [--rounds N (3)] [--warmup-seconds S (2)] [--threads N (2)] " +
        "[--timeout-seconds S (5)] [--accounts-max N (1000)] [--read-accounts N (50)] [--friends N (200)] [--login-parallel N (16)] " +
        "[--webhook 0|1 (0)] [--webhook-accounts N (50)] [--webhook-messages N (20000)] [--longpolls N (0: off; 10000)] [--longpoll-wakes N (5)] " +
        "[--running N (0: off; 10000)] [--postgres 0|1 (0)] [--sends 0|1 (1)]";

    /// <summary>Below the emulator's 1,000 pending events per session, with room for the account's own traffic.</summary>
    private const int MaxPendingPerAccount = 800;

    /// <summary>wrk's open connections (-c).</summary>
    public int Connections { get; init; } = 64;

    /// <summary>Length of each measured phase (wrk -d).</summary>
    public int Seconds { get; init; } = 10;

    /// <summary>Rounds; each measures every scenario and its ceiling, in alternating order.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>One unmeasured run of each scenario and ceiling before the first round (JIT, pools, grain activation).</summary>
    public int WarmupSeconds { get; init; } = 2;

    /// <summary>wrk's threads (-t); 2 on a 2-core machine.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>wrk's --timeout: a request slower than this counts as an error.</summary>
    public int TimeoutSeconds { get; init; } = 5;

    /// <summary>The largest account count of the send scenarios (1, 50 and this); all of them are logged in.</summary>
    public int AccountsMax { get; init; } = 1000;

    /// <summary>Accounts the read scenarios rotate over; each has <see cref="Friends"/> friends.</summary>
    public int ReadAccounts { get; init; } = 50;

    /// <summary>Friends of each read account (get_friend_info's answer).</summary>
    public int Friends { get; init; } = 200;

    /// <summary>Logins in flight (start_client, QR scan, confirm, wait for running).</summary>
    public int LoginParallel { get; init; } = 16;

    /// <summary>1: also the webhook phase (post_api delivery to a bare receiver beside a bare client posting to it).</summary>
    public int Webhook { get; init; }

    /// <summary>Accounts of the webhook phase, logged in with post_api (apart from the send and read accounts).</summary>
    public int WebhookAccounts { get; init; } = 50;

    /// <summary>
    /// Messages injected per webhook round, spread over the accounts; capped so no account's emulator queue (1,000
    /// pending events, oldest dropped) can overflow.
    /// </summary>
    public int WebhookMessages { get; init; } = 20_000;

    /// <summary>Waiting check_event long-polls of the long-poll phase, over the logged-in accounts; 0 skips the phase.</summary>
    public int LongPolls { get; init; }

    /// <summary>Messages injected one at a time while the long-polls wait, each timed to its first delivery.</summary>
    public int LongPollWakes { get; init; } = 5;

    /// <summary>Accounts logged in at the end beside the others, to measure running accounts per silo; 0 skips the phase.</summary>
    public int Running { get; init; }

    /// <summary>
    /// 1: the silo keeps grain state and reminders in a throwaway PostgreSQL (the installed binaries), sealed with a
    /// state key, as a production silo does; 0: the embedded silo's in-process storage.
    /// </summary>
    public int Postgres { get; init; }

    /// <summary>0: only the read scenarios (a quick before/after of a read route); 1: the send scenarios too.</summary>
    public int Sends { get; init; } = 1;

    private static readonly Dictionary<string, (int Min, Func<ThroughputOptions, int, ThroughputOptions> Apply)> IntegerOptions = new()
    {
        ["--connections"] = (1, (o, n) => o with { Connections = n }),
        ["--seconds"] = (1, (o, n) => o with { Seconds = n }),
        ["--rounds"] = (1, (o, n) => o with { Rounds = n }),
        ["--warmup-seconds"] = (0, (o, n) => o with { WarmupSeconds = n }),
        ["--threads"] = (1, (o, n) => o with { Threads = n }),
        ["--timeout-seconds"] = (1, (o, n) => o with { TimeoutSeconds = n }),
        ["--accounts-max"] = (1, (o, n) => o with { AccountsMax = n }),
        ["--read-accounts"] = (1, (o, n) => o with { ReadAccounts = n }),
        ["--friends"] = (BenchWorld.TargetCount, (o, n) => o with { Friends = n }),
        ["--login-parallel"] = (1, (o, n) => o with { LoginParallel = n }),
        ["--webhook"] = (0, (o, n) => o with { Webhook = n }),
        ["--webhook-accounts"] = (1, (o, n) => o with { WebhookAccounts = n }),
        ["--webhook-messages"] = (1, (o, n) => o with { WebhookMessages = n }),
        ["--longpolls"] = (0, (o, n) => o with { LongPolls = n }),
        ["--longpoll-wakes"] = (1, (o, n) => o with { LongPollWakes = n }),
        ["--running"] = (0, (o, n) => o with { Running = n }),
        ["--postgres"] = (0, (o, n) => o with { Postgres = Math.Min(n, 1) }),
        ["--sends"] = (0, (o, n) => o with { Sends = Math.Min(n, 1) }),
    };

    /// <summary>Null when an argument is unknown or out of range.</summary>
    public static ThroughputOptions? Parse(string[] args) =>
        IntegerArguments.Parse(args, new ThroughputOptions(), IntegerOptions) is { } options
            ? options with
            {
                ReadAccounts = Math.Min(options.ReadAccounts, options.AccountsMax),
                Threads = Math.Min(options.Threads, options.Connections),
                WebhookMessages = Math.Min(options.WebhookMessages, options.WebhookAccounts * MaxPendingPerAccount),
            }
            : null;

    /// <summary>The send scenarios' account counts: 1, 50 and the maximum, as far as the maximum allows.</summary>
    public IReadOnlyList<int> SendAccountCounts() =>
        Sends == 0 ? [] : [.. new[] { 1, 50, AccountsMax }.Where(n => n <= AccountsMax).Distinct()];
}
