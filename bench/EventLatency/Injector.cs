using System.Diagnostics;
using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Bench.EventLatency;

/// <summary>
/// Sends probes through the emulator's control API (<c>POST /control/messages</c>) at a fixed rate, round-robin over
/// the targets, without waiting for one call before the next is due; each answer's <c>queuedAt</c> is the probe's
/// start time.
/// </summary>
public sealed class Injector(EmulatorControlClient control, string sender)
{
    /// <summary>Returns how many probes the emulator accepted.</summary>
    public async Task<int> RunAsync(LoadPhase phase, string phaseId, IReadOnlyList<string> targets, PhaseLedger ledger, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var sends = new List<Task<bool>>(phase.Count);
        for (var seq = 0; seq < phase.Count; seq++)
        {
            var due = TimeSpan.FromSeconds((double)seq / phase.Rate) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due, ct);
            }
            sends.Add(SendAsync(targets[seq % targets.Count], Marker.Of(phaseId, seq), ledger, ct));
        }
        return (await Task.WhenAll(sends)).Count(ok => ok);
    }

    private async Task<bool> SendAsync(string target, string content, PhaseLedger ledger, CancellationToken ct)
    {
        try
        {
            var result = await control.SendMessageAsync(sender, target, content, ct);
            ledger.Injected(content, result.QueuedAt ?? throw new InvalidOperationException("the emulator gives no queuedAt"));
            return true;
        }
        catch (Exception e) when (e is EmulatorControlException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync($"injection to {target} failed: {e.Message}");
            return false;
        }
    }
}
