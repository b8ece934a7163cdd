using OpenWxCluster.Emulator.Control;
using Xunit.Sdk;

namespace OpenWxCluster.Emulator.Tests.Support;

/// <summary>
/// Waits on the emulator's own view of a session (its counters) instead of sleeping: a test that needs "the synccheck
/// is being held now" asks the emulator rather than guessing how long the request takes to arrive.
/// </summary>
internal static class SessionWatch
{
    /// <summary>Only a broken emulator gets near this, so it can be generous for a busy machine.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The account's active session once <paramref name="condition"/> holds for it.</summary>
    public static async Task<SessionInfo> UntilAsync(this TestEmulator emu, string wxid, Func<SessionInfo, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var info = emu.Host.World.GetSession(wxid);
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

    /// <summary>Returns once the emulator holds <paramref name="count"/> synccheck long-polls of the account.</summary>
    public static Task<SessionInfo> HeldSyncChecksAsync(this TestEmulator emu, string wxid, int count = 1) =>
        emu.UntilAsync(wxid, s => s.HangingSyncChecks == count, $"{count} held synccheck(s) of {wxid}");
}
