using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.World;
using Xunit.Sdk;

namespace OpenWxCluster.Protocol.Tests.Emulator;

/// <summary>
/// Waits on the emulator's own view of a session (its counters) instead of sleeping, e.g. until the driver's
/// synccheck is really being held, however long the request takes to get there on a busy machine.
/// </summary>
internal static class SessionWatch
{
    /// <summary>Only a broken emulator or driver gets near this, so it can be generous.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The account's active session once <paramref name="condition"/> holds for it.</summary>
    public static async Task<SessionInfo> UntilAsync(this EmulatorWorld world, string wxid, Func<SessionInfo, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var info = world.GetSession(wxid);
            if (info is not null && condition(info))
            {
                return info;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new XunitException($"{what} was not seen within {Patience.TotalSeconds} s; last: {info}");
            }

            // A poll interval, not a guess at timing: the loop ends as soon as the state is there.
            await Task.Delay(10);
        }
    }

    /// <summary>Returns once the emulator holds a synccheck long-poll of the account.</summary>
    public static Task<SessionInfo> HeldSyncCheckAsync(this EmulatorWorld world, string wxid) =>
        world.UntilAsync(wxid, s => s.HangingSyncChecks > 0, $"a held synccheck of {wxid}");
}
