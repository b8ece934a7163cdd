using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// check_client's offline_cause, judged through the real API against emulator faults: an unreachable upstream, its
/// recovery, and a session ended by upstream. One cluster (emulator-wide faults).
/// </summary>
public sealed class OfflineCauseTests
{
    [Fact]
    public async Task Check_client_tells_an_unreachable_account_from_a_quiet_one_and_says_why_a_session_ended()
    {
        await using var run = await IsolatedRun.StartAsync();
        var world = run.Fixture.Emulator.World;
        world.CreateAccountWithFriend("alive", "AlivePal");
        await run.Api.LoginAsync(world, "alive", "alive_bot");
        await Cause(run, "running", null, "running and online");

        world.SetFault(new FaultRequest { Mode = "error", PathContains = "/synccheck" });
        await Cause(run, "running", OfflineCauses.Transport, "upstream unreachable");

        world.SetFault(null);
        await Cause(run, "running", null, "upstream back");

        world.InvalidateSession("alive_bot", 1100);
        await Cause(run, "scaning", OfflineCauses.LoggedOut, "logged out, waiting for a new scan");
    }

    private static Task<JsonElement> Cause(IsolatedRun run, string state, string? cause, string what) =>
        run.Api.WaitForClientEntryAsync(
            "alive",
            e => e.GetProperty("state").GetString() == state && e.GetProperty("offline_cause").GetString() == cause,
            what);
}
