using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.TestKit;

/// <summary>
/// Waits on what the emulator saw of a client (its latest web session), so a test judges the product from the
/// upstream's side without calling the product, which could itself wake what is being measured.
/// </summary>
public static class EmulatorWaits
{
    /// <summary>Only something broken gets near this, so it can be generous for a busy machine.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static Task<SessionInfo> WaitForSessionAsync(
        this EmulatorWorld world, string wxid, Func<SessionInfo, bool> predicate, string what) =>
        world.WaitForSessionAsync(wxid, predicate, Patience, what);

    public static async Task<SessionInfo> WaitForSessionAsync(
        this EmulatorWorld world, string wxid, Func<SessionInfo, bool> predicate, TimeSpan timeout, string what) =>
        (await Eventually.ValueAsync(
            () => Task.FromResult(world.GetLatestSession(wxid)),
            s => s is not null && predicate(s),
            timeout,
            $"{wxid}: {what}"))!;

    /// <summary>The client confirmed (with its SyncKey) every event queued for it up to now: it synced them.</summary>
    public static Task<SessionInfo> WaitUntilAcknowledgedAsync(this EmulatorWorld world, string wxid, TimeSpan timeout)
    {
        var target = world.GetLatestSession(wxid)?.LastSeq ?? throw new InvalidOperationException($"{wxid} has no session");
        return world.WaitForSessionAsync(wxid, s => s.AckedSeq >= target, timeout, $"ack of seq {target}");
    }

    /// <summary>A synccheck long-poll of the client is being held by the emulator right now.</summary>
    public static Task<SessionInfo> WaitForHeldSyncCheckAsync(this EmulatorWorld world, string wxid, TimeSpan? timeout = null) =>
        world.WaitForSessionAsync(wxid, s => s.HangingSyncChecks > 0 && s.InvalidRetCode == 0, timeout ?? Patience, "a held synccheck");
}
