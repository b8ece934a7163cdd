using System.Diagnostics;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>Big contact lists and API calls while an upstream long-poll hangs.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AccountCapacityTests(ClusterFixture fixture)
{
    private readonly OpenWxHttpApi _api = new(fixture.Http);

    [Fact]
    public async Task Five_thousand_friends_need_several_contact_pages_and_are_read_in_one_call()
    {
        var world = fixture.Emulator.World;
        // Fewer per page than friends: only a client that follows the pages gets them all.
        Assert.True(world.Settings.ContactPageSize < 5000, $"page size {world.Settings.ContactPageSize}");
        world.CreateUser(new CreateUserRequest { Wxid = "many_bot", NickName = "Many", GeneratedFriends = 5000 });
        await _api.LoginAsync(world, "many", "many_bot");

        var friends = await _api.GetAsync("get_friend_info", ("client", "many"));
        Assert.Equal(5001, friends.GetArrayLength()); // 5,000 friends and filehelper
        Assert.Equal(5001, friends.EnumerateArray().Select(f => f.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Api_calls_answer_while_the_synccheck_long_poll_hangs_upstream()
    {
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("hang", "HangPal");
        await _api.LoginAsync(world, "hang", "hang_bot");
        world.UpdateSettings(new SettingsPatch { SyncCheckHoldMs = 20_000 });
        try
        {
            // Wait until the emulator holds a synccheck that started under the 20 s hold.
            var seen = world.GetLatestSession("hang_bot")!.SyncChecks;
            await world.WaitForSessionAsync("hang_bot", s => s.SyncChecks > seen && s.HangingSyncChecks > 0,
                TimeSpan.FromSeconds(30), "a synccheck held for 20 s");
            var clock = Stopwatch.StartNew();
            var friends = await _api.GetAsync("get_friend_info", ("client", "hang"));
            var sent = await _api.GetAsync("send_friend_message", ("client", "hang"), ("displayname", "HangPal"), ("content", "not blocked"));
            clock.Stop();
            Assert.Equal(2, friends.GetArrayLength());
            Assert.Equal(0, sent.GetProperty("code").GetInt32());
            // Served during the hold, not after it: well below the 20 s the long-poll is held.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(12), $"blocked for {clock.Elapsed}");
        }
        finally
        {
            world.UpdateSettings(new SettingsPatch { SyncCheckHoldMs = 5_000 });
        }
    }
}
