using System.Diagnostics;
using OpenWxCluster.Bench.Shared;
using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Bench.Footprint;

/// <summary>
/// Memory per idle running account. Run in Release:
/// <c>dotnet run -c Release --project bench/Footprint -- --accounts 1000</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(BenchOptions.Usage);
            return 2;
        }

        Log($"starting emulator ({(options.InProcessEmulator ? "in-process" : "child process")})");
        await using var emulator = options.InProcessEmulator
            ? await BenchEmulator.StartInProcessAsync()
            : await BenchEmulator.StartProcessAsync(options.EmulatorDll ?? BuildOutputs.EmulatorDll(), TimeSpan.FromSeconds(60));
        Log($"emulator at {emulator.BaseUri}; starting silo");
        using var controlHttp = new HttpClient { BaseAddress = emulator.BaseUri, Timeout = TimeSpan.FromMinutes(2) };
        var control = new EmulatorControlClient(controlHttp);
        var settings = await control.GetSettingsAsync();
        Log($"emulator synccheck hold {settings.SyncCheckHoldMs} ms, login poll hold {settings.LoginPollHoldMs} ms");

        var silo = await BenchSilo.StartAsync(emulator.BaseUri);
        try
        {
            var report = await MeasureAsync(options, emulator, silo, control);
            report.Print(Console.Out);
            return report.Running == options.Accounts + options.Warmup ? 0 : 1;
        }
        finally
        {
            Log("shutting down");
            silo.Quiet();
            // The emulator goes first so hanging long-polls end at once instead of holding the silo's stop.
            await emulator.DisposeAsync();
            await silo.DisposeAsync();
        }
    }

    private static async Task<FootprintReport> MeasureAsync(BenchOptions options, BenchEmulator emulator, BenchSilo silo, EmulatorControlClient control)
    {
        var driver = new LoginDriver(silo.Grains, control, options.Parallel);
        var timeout = TimeSpan.FromSeconds(options.LoginTimeoutSeconds);
        var warmup = Names("warm", options.Warmup);
        var accounts = Names("acct", options.Accounts);

        if (warmup.Count > 0)
        {
            Log($"warm-up: logging in {warmup.Count} accounts");
            await driver.LoginAllAsync(warmup, timeout);
            await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds));
        }
        var before = ResourceSnapshot.Take();
        Log($"baseline: heap {before.ManagedHeapBytes / 1048576.0:F1} MiB, working set {before.WorkingSetBytes / 1048576.0:F1} MiB, {before.Threads} threads");

        Log($"baseline idle CPU over {options.IdleSeconds} s");
        var (baselineWindow, baselineCpu) = await IdleCpuAsync(options.IdleSeconds);

        Log($"logging in {accounts.Count} accounts ({options.Parallel} in flight)");
        using var progress = new Timer(_ => Log("  ...logging in"), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        var loginTime = await driver.LoginAllAsync(accounts, timeout);
        await progress.DisposeAsync();
        Log($"all {accounts.Count} running after {loginTime.TotalSeconds:F1} s; settling {options.SettleSeconds} s");
        await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds));

        var running = await driver.CountRunningAsync([.. warmup, .. accounts]);
        var connections = ResourceSnapshot.ConnectionsTo(emulator.BaseUri.Port);
        var after = ResourceSnapshot.Take();

        Log($"idle CPU over {options.IdleSeconds} s");
        var (window, idleCpu) = await IdleCpuAsync(options.IdleSeconds);

        return new FootprintReport(
            options.Accounts,
            options.Warmup,
            running,
            connections,
            loginTime,
            before,
            after,
            baselineWindow,
            baselineCpu,
            window,
            idleCpu,
            emulator.ProcessWorkingSet(),
            !emulator.IsSeparateProcess);
    }

    private static async Task<(TimeSpan Window, TimeSpan Cpu)> IdleCpuAsync(int seconds)
    {
        var cpu0 = ResourceSnapshot.CpuTimeNow();
        var watch = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        return (watch.Elapsed, ResourceSnapshot.CpuTimeNow() - cpu0);
    }

    private static List<string> Names(string prefix, int count) =>
        [.. Enumerable.Range(1, count).Select(i => $"{prefix}{i:D5}")];

    private static void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
