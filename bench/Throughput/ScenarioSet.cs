using OpenWxCluster.Bench.Shared;

namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// The measured routes: send_friend_message and send_group_message with 1, 50 and the most accounts (against ceiling
/// B), get_user_info, get_friend_info and get_group_info over the read accounts (against ceiling A), and get_friend_info once more
/// against ceiling A′, a bare endpoint answering the same reply bytes (the same I/O; ceiling A's small JSON is not).
/// Paths rotate over accounts first, then targets, so neighbouring requests hit different accounts.
/// </summary>
internal static class ScenarioSet
{
    /// <summary>Issue 11: sends reach half of ceiling B with 50 accounts, at a p99 of at most 25 ms.</summary>
    private const double SendTarget = 0.5;
    private const double SendP99TargetMs = 25;
    private const int SendTargetAccounts = 50;

    /// <summary>Issue 11: read routes reach 70 % of ceiling A.</summary>
    private const double ReadTarget = 0.7;

    private const string Content = "bench";

    public static IReadOnlyList<Scenario> Build(ThroughputOptions options, IReadOnlyList<BenchAccount> accounts, BenchStack stack, Side sameReply)
    {
        var scenarios = new List<Scenario>();
        foreach (var n in options.SendAccountCounts())
        {
            var used = accounts.Take(n).ToList();
            var friendPaths = Enumerable.Range(0, n * BenchWorld.TargetCount)
                .Select(k => Path("send_friend_message", used[k % n], ("displayname", BenchWorld.TargetNames[k / n]), ("content", Content)))
                .ToList();
            var groupPaths = used.Select(a => Path("send_group_message", a, ("displayname", BenchWorld.GroupName), ("content", Content))).ToList();
            var target = n == SendTargetAccounts ? SendTarget : (double?)null;
            var p99 = n == SendTargetAccounts ? SendP99TargetMs : (double?)null;
            scenarios.Add(new Scenario($"send_friend_message-{n}", n, friendPaths, IsSend: true, stack.Product, stack.CeilingB, target, p99));
            scenarios.Add(new Scenario($"send_group_message-{n}", n, groupPaths, IsSend: true, stack.Product, stack.CeilingB, target, p99));
        }
        var readers = accounts.Take(options.ReadAccounts).ToList();
        foreach (var route in new[] { "get_user_info", "get_friend_info", "get_group_info" })
        {
            scenarios.Add(new Scenario(
                $"{route}-{readers.Count}", readers.Count, [.. readers.Select(a => Path(route, a))], IsSend: false, stack.Product, stack.CeilingA, ReadTarget, null));
        }
        scenarios.Add(new Scenario(
            $"get_friend_info beside its own reply-{readers.Count}", readers.Count, [.. readers.Select(a => Path("get_friend_info", a))],
            IsSend: false, stack.Product, sameReply, null, null));
        return scenarios;
    }

    private static string Path(string route, BenchAccount account, params (string Key, string Value)[] query) =>
        $"/openwx/{route}?client={Uri.EscapeDataString(account.Client)}"
        + string.Concat(query.Select(q => $"&{q.Key}={Uri.EscapeDataString(q.Value)}"));
}
