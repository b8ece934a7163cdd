using System.Diagnostics;
using System.Text.Json;
using OpenWxCluster.Bench.Shared;
using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// What a request costs, beside the physical ceiling measured in the same run (issue 11). Run with
/// <c>bench/Throughput/run.sh [--seconds 10 --rounds 3 --connections 64 --accounts-max 1000]</c>; with
/// <c>serve ...</c> this program is one of the bare Kestrel ceilings instead (see <see cref="CeilingServer"/>).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["serve", ..])
        {
            return await CeilingServer.RunAsync(args);
        }
        var options = ThroughputOptions.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(ThroughputOptions.Usage);
            return 2;
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            return await RunAsync(options, cancel.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or EmulatorControlException or IOException or OperationCanceledException)
        {
            // Caught so the child processes are stopped on the way out.
            await Console.Error.WriteLineAsync("bench failed: " + e.Message);
            return 1;
        }
    }

    private static async Task<int> RunAsync(ThroughputOptions options, CancellationToken ct)
    {
        var machine = MachineInfo.Describe();
        Log("machine: " + machine);
        var logs = Directory.CreateTempSubdirectory("throughput-bench-").FullName;
        using var stack = await BenchStack.StartAsync(logs, options.Postgres == 1);
        Log($"silo {stack.SiloDll} ({BenchStack.GcMode(stack.SiloDll)}) on {stack.Product.BaseUri}");
        Log($"silo storage: {stack.Storage}");
        Log($"emulator {stack.EmulatorDll} ({BenchStack.GcMode(stack.EmulatorDll)}) on {stack.EmulatorUri}");
        Log($"ceilings ({BenchStack.GcMode(typeof(Program).Assembly.Location)}): A {stack.CeilingA.BaseUri}, B {stack.CeilingB.BaseUri}; process logs in {logs}");

        using var controlHttp = new HttpClient { BaseAddress = stack.EmulatorUri, Timeout = TimeSpan.FromMinutes(2) };
        using var api = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.LoginParallel * 2, UseCookies = false })
        {
            BaseAddress = stack.Product.BaseUri,
            Timeout = TimeSpan.FromMinutes(2),
        };
        var control = new EmulatorControlClient(controlHttp);
        var world = new BenchWorld(control, options);
        await world.CreateAsync(ct);
        Log($"logging in {world.Accounts.Count} accounts through start_client and the emulator's phone ({options.LoginParallel} in flight)");
        var clock = Stopwatch.StartNew();
        var login = new ProductLogin(api, control);
        await login.LoginAllAsync(world.Accounts, new Dictionary<string, string>(), options.LoginParallel, ct);
        Log($"all {world.Accounts.Count} running after {clock.Elapsed.TotalSeconds:F1} s; silo RSS {stack.Product.Processes[0].Process.RssMiB():F0} MiB");
        await CheckFriendsAsync(api, world.Accounts[0], options.Friends, ct);

        var friendsReply = await api.GetByteArrayAsync($"openwx/get_friend_info?client={world.Accounts[0].Client}", ct);
        var sameReply = await stack.StartReplyCeilingAsync("ceiling A′", friendsReply);
        Log($"ceiling A′ answers get_friend_info's own reply ({friendsReply.Length} bytes) on {sameReply.BaseUri}");
        var scenarios = ScenarioSet.Build(options, world.Accounts, stack, sameReply);
        var wrk = new WrkRunner(options, logs);
        Log("load: wrk " + string.Join(' ', wrk.Arguments(scenarios[0], scenarios[0].Product, options.Seconds)) + " (script and URL per scenario and side)");
        Log(await ErrorCountCheck.RunAsync(wrk, stack.Product, world.Accounts[0].Client, ct));
        var results = await new RoundRunner(options, wrk, Console.Out).RunAsync(scenarios, ct);
        Log($"silo RSS after the run {stack.Product.Processes[0].Process.RssMiB():F0} MiB");
        var header = $"Throughput bench, {machine}; {options.Rounds} rounds of {options.Seconds} s per phase, wrk -t {options.Threads} -c {options.Connections} "
            + $"--timeout {options.TimeoutSeconds}s; {options.AccountsMax} accounts logged in, read routes over {options.ReadAccounts} accounts with {options.Friends} friends; "
            + $"silo storage: {stack.Storage}.";
        IReadOnlyList<WebhookSample> webhook = [];
        if (options.Webhook == 1)
        {
            webhook = await new WebhookPhase(options, stack, world, control, login, wrk, logs).RunAsync(Console.Out, ct);
        }
        var longPolls = options.LongPolls > 0
            ? await new LongPollPhase(options, stack, control).RunAsync(world.Accounts, Console.Out, ct)
            : null;
        var running = options.Running > 0
            ? await new RunningAccountsPhase(options, stack, world, login).RunAsync(world.Accounts.Count + (options.Webhook == 1 ? options.WebhookAccounts : 0), Console.Out, ct)
            : null;
        ThroughputReport.Print(Console.Out, results, header);
        if (webhook.Count > 0)
        {
            ThroughputReport.PrintWebhook(Console.Out, webhook, options.WebhookAccounts);
        }
        foreach (var table in new[] { longPolls, running }.OfType<string>())
        {
            Console.WriteLine();
            Console.Write(table);
        }
        return 0;
    }

    /// <summary>Fails fast when the world is not what the scenarios assume (friends and targets known to the account).</summary>
    private static async Task CheckFriendsAsync(HttpClient api, BenchAccount account, int friends, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(await api.GetStringAsync($"openwx/get_friend_info?client={account.Client}", ct));
        var names = json.RootElement.EnumerateArray().Select(f => f.GetProperty("displayname").GetString()).ToHashSet();
        var missing = BenchWorld.TargetNames.Where(t => !names.Contains(t)).ToList();
        if (names.Count < friends || missing.Count > 0)
        {
            throw new InvalidOperationException($"{account.Client} has {names.Count} friends (expected {friends}); missing targets: {string.Join(", ", missing)}");
        }
        Log($"{account.Client} has {json.RootElement.GetArrayLength()} friends");
    }

    private static void Log(string message) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
