using System.Diagnostics;
using System.Globalization;
using OpenWxCluster.Bench.Shared;

namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// Running accounts per silo (<c>--running N</c>): N more accounts logged in through start_client and the emulator's
/// phone, beside those already running, each then holding a synccheck long-poll at the emulator, all in the shipped
/// silo (its GC mode, its HTTP front). Measures the time to log them in, the silo's growth per account (RSS, managed
/// heap after an induced full GC, threads) and the CPU of the silo and the emulator while every account only waits.
/// </summary>
internal sealed class RunningAccountsPhase(ThroughputOptions options, BenchStack stack, BenchWorld world, ProductLogin login)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(20);

    /// <summary>Logs progress to <paramref name="output"/>; returns the markdown table for the end of the report.</summary>
    public async Task<string> RunAsync(int alreadyRunning, TextWriter output, CancellationToken ct)
    {
        var accounts = Enumerable.Range(1, options.Running).Select(i => new BenchAccount($"run{i:D5}", $"run_{i:D5}")).ToList();
        await world.CreateTargetFriendsAsync(accounts, ct);
        var silo = stack.Product.Processes[0].Process;
        var emulator = stack.Product.Processes[1].Process;
        using var api = new HttpClient { BaseAddress = stack.Product.BaseUri, Timeout = TimeSpan.FromMinutes(1) };
        var before = await SiloSnapshot.TakeAsync(api, silo, ct);

        Log(output, $"running accounts: logging in {accounts.Count} more beside {alreadyRunning} ({options.LoginParallel} in flight)");
        var clock = Stopwatch.StartNew();
        await login.LoginAllAsync(accounts, new Dictionary<string, string>(), options.LoginParallel, ct);
        var loginTime = clock.Elapsed;
        Log(output, $"running accounts: {accounts.Count} running after {loginTime.TotalSeconds:F1} s; {Settle.TotalSeconds:F0} s to settle, then {Quiet.TotalSeconds:F0} s of idle CPU");
        await Task.Delay(Settle, ct);
        var (siloCpu, emulatorCpu) = (silo.CpuTime(), emulator.CpuTime());
        await Task.Delay(Quiet, ct);
        var siloShare = (silo.CpuTime() - siloCpu) / Quiet;
        var emulatorShare = (emulator.CpuTime() - emulatorCpu) / Quiet;
        var after = await SiloSnapshot.TakeAsync(api, silo, ct);
        var total = alreadyRunning + accounts.Count;

        using var table = new StringWriter(CultureInfo.InvariantCulture);
        table.WriteLine("| running accounts | logged in (time, per s) | silo RSS MiB before / after | managed heap MiB before / after | KiB per added account | threads before / after | idle CPU silo / emulator (per 1,000 running) |");
        table.WriteLine("|---|---|---|---|---|---|---|");
        table.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {total} ({accounts.Count} added to {alreadyRunning}) | {loginTime.TotalSeconds:F0} s, {accounts.Count / loginTime.TotalSeconds:F0}/s "
            + $"| {before.RssMiB:F0} / {after.RssMiB:F0} | {before.Heap} / {after.Heap} | {after.PerItemKiB(before, accounts.Count)} "
            + $"| {before.Threads} / {after.Threads} | {siloShare:P1} / {emulatorShare:P1} of a core ({siloShare * 1000 / total:P2} / {emulatorShare * 1000 / total:P2}) |"));
        table.WriteLine();
        table.WriteLine("Each account holds a synccheck at the emulator (its hold ends with an idle answer and the account polls again); idle CPU is measured after the logins settle, over all running accounts.");
        return table.ToString();
    }

    private static void Log(TextWriter output, string message) => output.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
