using System.Diagnostics;
using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>The account grain against upstream events: relogin, refused login, big contact lists, hanging long-polls.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AccountLifecycleTests(ClusterFixture fixture)
{
    private readonly OpenWxHttpApi _api = new(fixture.Http);

    [Theory]
    [InlineData(1100)]
    [InlineData(1102)]
    public async Task A_session_invalidated_upstream_leads_to_a_relogin_with_a_new_qr(int retCode)
    {
        var world = fixture.Emulator.World;
        var client = $"relogin{retCode}";
        world.CreateUser(new CreateUserRequest { Wxid = client + "_bot", NickName = "Relogin" + retCode });
        await _api.LoginAsync(world, client, client + "_bot");
        var before = (await _api.GetAsync("get_user_info", ("client", client))).GetProperty("id").GetString();

        world.InvalidateSession(client + "_bot", retCode);
        await _api.WaitForStateAsync(client, "scaning");

        var qr = await fixture.Http.GetByteArrayAsync($"openwx/get_qrcode?client={client}");
        var pending = world.ScanImage(qr, client + "_bot");
        await _api.WaitForStateAsync(client, "confirming");
        world.Confirm(pending.Uuid);
        await _api.WaitForStateAsync(client, "running");
        var after = (await _api.GetAsync("get_user_info", ("client", client))).GetProperty("id").GetString();
        Assert.NotEqual(before, after); // a new web session: every UserName changed
    }

    [Fact]
    public async Task A_login_refused_with_1203_shows_a_new_qr_and_the_reason()
    {
        var world = fixture.Emulator.World;
        world.CreateUser(new CreateUserRequest { Wxid = "refused_bot", NickName = "Refused", WebLoginRefused = true });
        var started = await _api.GetAsync("start_client", ("client", "refused"));
        Assert.Equal(0, started.GetProperty("code").GetInt32());
        await _api.WaitForStateAsync("refused", "scaning");
        var qr = await fixture.Http.GetByteArrayAsync("openwx/get_qrcode?client=refused");
        var pending = world.ScanImage(qr, "refused_bot");
        await _api.WaitForStateAsync("refused", "confirming");
        world.Confirm(pending.Uuid);

        var entry = await WaitForClientAsync("refused", e =>
            e.GetProperty("state").GetString() == "scaning" && e.GetProperty("qrcode_count").GetInt32() == 1);
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("last_error").GetString()));
        var newQr = await fixture.Http.GetByteArrayAsync("openwx/get_qrcode?client=refused");
        Assert.NotEqual(Convert.ToHexString(qr), Convert.ToHexString(newQr));
        await _api.GetAsync("stop_client", ("client", "refused"));
    }

    [Fact]
    public async Task Five_thousand_friends_are_fetched_over_several_pages_and_read_in_one_call()
    {
        var world = fixture.Emulator.World;
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
            await Task.Delay(1000); // the pump is now inside a synccheck the emulator holds for 20 s
            var clock = Stopwatch.StartNew();
            var friends = await _api.GetAsync("get_friend_info", ("client", "hang"));
            var sent = await _api.GetAsync("send_friend_message", ("client", "hang"), ("displayname", "HangPal"), ("content", "not blocked"));
            clock.Stop();
            Assert.Equal(2, friends.GetArrayLength());
            Assert.Equal(0, sent.GetProperty("code").GetInt32());
            // Served during the hold, not after it: far below the 20 s the long-poll is held.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"blocked for {clock.Elapsed}");
        }
        finally
        {
            world.UpdateSettings(new SettingsPatch { SyncCheckHoldMs = 5_000 });
        }
    }

    private async Task<JsonElement> WaitForClientAsync(string client, Func<JsonElement, bool> predicate)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var entry = (await _api.GetAsync("check_client", ("client", client))).GetProperty("client")[0];
            if (predicate(entry))
            {
                return entry;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"check_client {client} never matched");
    }
}
