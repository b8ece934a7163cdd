using System.Diagnostics;
using System.Globalization;
using OpenWxCluster.Bench.Shared;

namespace OpenWxCluster.Bench.Throughput;

/// <summary>Runs wrk for one phase and charges the CPU its side's processes used meanwhile and until they settle (from /proc).</summary>
internal sealed class WrkRunner(ThroughputOptions options, string scriptDirectory)
{
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SettleProbe = TimeSpan.FromMilliseconds(250);

    /// <summary>Below a tenth of a core the side counts as quiet (1,000 idle accounts stay well under it).</summary>
    private const double QuietShare = 0.1;

    private readonly Dictionary<string, string> _scripts = new(StringComparer.Ordinal);

    /// <summary>The wrk command line of a phase, as printed and as run.</summary>
    public IReadOnlyList<string> Arguments(Scenario scenario, Side side, int seconds) => Arguments(Script(scenario), side, seconds);

    public Task<PhaseSample> RunAsync(Scenario scenario, Side side, int seconds, CancellationToken ct) =>
        RunScriptAsync(Script(scenario), side, seconds, ct);

    public IReadOnlyList<string> Arguments(string script, Side side, int seconds) =>
    [
        "-t", options.Threads.ToString(CultureInfo.InvariantCulture),
        "-c", options.Connections.ToString(CultureInfo.InvariantCulture),
        "-d", seconds.ToString(CultureInfo.InvariantCulture) + "s",
        "--timeout", options.TimeoutSeconds.ToString(CultureInfo.InvariantCulture) + "s",
        "-s", script,
        side.BaseUri.ToString(),
    ];

    /// <summary>wrk with <paramref name="script"/> (one of <see cref="WrkScript"/>'s) against <paramref name="side"/>.</summary>
    public async Task<PhaseSample> RunScriptAsync(string script, Side side, int seconds, CancellationToken ct)
    {
        var info = new ProcessStartInfo("wrk") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in Arguments(script, side, seconds))
        {
            info.ArgumentList.Add(arg);
        }
        var cpuBefore = side.CpuTimes();
        var machineBefore = ProcessCpu.Machine();
        using var wrk = Process.Start(info) ?? throw new InvalidOperationException("could not start wrk");
        var stdout = wrk.StandardOutput.ReadToEndAsync(ct);
        var stderr = wrk.StandardError.ReadToEndAsync(ct);
        await wrk.WaitForExitAsync(ct);
        await SettleAsync(side, ct);
        var machineAfter = ProcessCpu.Machine();
        var cpu = side.CpuTimes().Select((c, i) => (c.Label, c.Cpu - cpuBefore[i].Cpu)).ToList();
        var output = await stdout;
        var result = output.Split('\n').FirstOrDefault(l => l.StartsWith("WRKRESULT ", StringComparison.Ordinal));
        if (wrk.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"wrk failed (exit {wrk.ExitCode}): {await stderr}\n{output}");
        }
        var f = result.Split(' ')[1..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var busy = machineAfter.Total > machineBefore.Total
            ? (double)(machineAfter.Busy - machineBefore.Busy) / (machineAfter.Total - machineBefore.Total)
            : 0;
        return new PhaseSample(
            Requests: (long)f[0],
            Seconds: f[1] / 1e6,
            SocketErrors: (long)(f[2] + f[3] + f[4] + f[5]),
            StatusErrors: (long)f[6],
            MojoErrors: (long)f[7],
            P50Ms: f[8] / 1000,
            P99Ms: f[9] / 1000,
            Cpu: cpu,
            MachineBusy: busy);
    }

    /// <summary>
    /// Waits (at most <see cref="SettleLimit"/>) until the side's processes go quiet, so the work a phase leaves
    /// behind (a sent message coming back through synccheck, queued events) is charged to it and not to the next phase.
    /// </summary>
    public static async Task SettleAsync(Side side, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + SettleLimit;
        while (DateTime.UtcNow < deadline)
        {
            var before = side.CpuTimes().Sum(c => c.Cpu.Ticks);
            await Task.Delay(SettleProbe, ct);
            var used = TimeSpan.FromTicks(side.CpuTimes().Sum(c => c.Cpu.Ticks) - before);
            if (used < SettleProbe * QuietShare)
            {
                return;
            }
        }
    }

    private string Script(Scenario scenario)
    {
        if (!_scripts.TryGetValue(scenario.Name, out var file))
        {
            file = WrkScript.Write(scriptDirectory, scenario.Name, scenario.Paths, scenario.IsSend);
            _scripts[scenario.Name] = file;
        }
        return file;
    }
}
