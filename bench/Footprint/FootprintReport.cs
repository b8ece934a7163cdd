using System.Globalization;

namespace OpenWxCluster.Bench.Footprint;

/// <summary>The figures the bench prints.</summary>
public sealed record FootprintReport(
    int Accounts,
    int Warmup,
    int Running,
    int UpstreamConnections,
    TimeSpan LoginTime,
    ResourceSnapshot Before,
    ResourceSnapshot After,
    TimeSpan BaselineIdleWindow,
    TimeSpan BaselineIdleCpu,
    TimeSpan IdleWindow,
    TimeSpan IdleCpu,
    long? EmulatorWorkingSet,
    bool EmulatorInProcess)
{
    private const double MiB = 1024 * 1024;

    public void Print(TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        void Line(string name, string value) => output.WriteLine(string.Create(inv, $"  {name,-34} {value}"));
        string Bytes(long b) => string.Create(inv, $"{b / MiB,10:F1} MiB");
        string PerAccount(long delta) => string.Create(inv, $"{delta / (double)Accounts / 1024,10:F1} KiB/account (delta {delta / MiB:F1} MiB)");

        output.WriteLine();
        output.WriteLine("=== OpenWxCluster footprint: idle RUNNING accounts, one silo ===");
        Line("runtime", string.Create(inv, $".NET {Environment.Version}, {Environment.ProcessorCount} cpus, server GC {System.Runtime.GCSettings.IsServerGC}"));
        Line("emulator", EmulatorInProcess ? "in-process (its memory is included)" : "separate process (not included)");
        Line("accounts measured (N)", Accounts.ToString(inv));
        Line("warm-up accounts (in baseline)", Warmup.ToString(inv));
        Line("accounts running (total)", string.Create(inv, $"{Running} of {Accounts + Warmup}"));
        Line("TCP connections to emulator", UpstreamConnections.ToString(inv));
        Line("login wall time", string.Create(inv, $"{LoginTime.TotalSeconds:F1} s"));
        Line("login throughput", string.Create(inv, $"{Accounts / LoginTime.TotalSeconds:F1} accounts/s"));
        output.WriteLine("  -- after forced GC (Collect, WaitForPendingFinalizers, Collect) --");
        Line("managed heap before / after", $"{Bytes(Before.ManagedHeapBytes)} / {Bytes(After.ManagedHeapBytes)}");
        Line("managed heap per account", PerAccount(After.ManagedHeapBytes - Before.ManagedHeapBytes));
        Line("GC committed before / after", $"{Bytes(Before.GcCommittedBytes)} / {Bytes(After.GcCommittedBytes)}");
        Line("working set before / after", $"{Bytes(Before.WorkingSetBytes)} / {Bytes(After.WorkingSetBytes)}");
        Line("working set per account", PerAccount(After.WorkingSetBytes - Before.WorkingSetBytes));
        Line("private bytes per account", PerAccount(After.PrivateBytes - Before.PrivateBytes));
        Line("threads before / after", string.Create(inv, $"{Before.Threads} / {After.Threads}"));
        if (EmulatorWorkingSet is { } emu)
        {
            Line("emulator process working set", Bytes(emu));
        }
        var baseline = BaselineIdleCpu.TotalMilliseconds / BaselineIdleWindow.TotalSeconds;
        var cpuPerSecond = IdleCpu.TotalMilliseconds / IdleWindow.TotalSeconds;
        output.WriteLine("  -- idle CPU (process CPU time delta over the window) --");
        Line("baseline (warm-up accounts only)", string.Create(inv, $"{BaselineIdleCpu.TotalMilliseconds:F0} ms in {BaselineIdleWindow.TotalSeconds:F1} s ({baseline / 10:F2} % of one core)"));
        Line("with all accounts", string.Create(inv, $"{IdleCpu.TotalMilliseconds:F0} ms in {IdleWindow.TotalSeconds:F1} s ({cpuPerSecond / 10:F2} % of one core)"));
        Line("delta per 1000 accounts", string.Create(inv, $"{(cpuPerSecond - baseline) * 1000 / Accounts:F1} ms CPU per s"));
    }
}
