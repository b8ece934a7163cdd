using System.Net;
using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>The /openwx routes (MapOpenWx) against the real grains of a two-silo cluster and the emulator.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ApiRouteTests(ClusterFixture fixture)
{
    private readonly OpenWxHttpApi _api = new(fixture.Http);

    [Fact]
    public async Task Controller_routes_start_list_serve_the_qr_and_stop_a_client()
    {
        var started = await _api.GetAsync("start_client", ("client", "routes_ctl"), ("log_level", "debug"));
        Assert.Equal(0, started.GetProperty("code").GetInt32());
        Assert.Equal("success", started.GetProperty("status").GetString());
        Assert.Equal("debug", started.GetProperty("log_level").GetString());
        var again = await _api.GetAsync("start_client", ("client", "routes_ctl"));
        Assert.Equal("client already exists", again.GetProperty("status").GetString());
        Assert.Equal("debug", again.GetProperty("log_level").GetString());

        await _api.WaitForStateAsync("routes_ctl", "scaning");
        var all = await _api.GetAsync("check_client");
        var entry = all.GetProperty("client").EnumerateArray().Single(c => c.GetProperty("client").GetString() == "routes_ctl");
        Assert.Equal("scaning", entry.GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("silo").GetString()));

        using (var qr = await fixture.Http.GetAsync("openwx/get_qrcode?client=routes_ctl"))
        {
            Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
            Assert.StartsWith("image/", qr.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
            Assert.Equal("no-cache", qr.Headers.CacheControl!.ToString());
            Assert.NotEmpty(await qr.Content.ReadAsByteArrayAsync());
        }

        var notRunning = await _api.GetAsync("get_friend_info", ("client", "routes_ctl"));
        Assert.Equal(-2, notRunning.GetProperty("code").GetInt32());
        Assert.Equal("scaning", notRunning.GetProperty("state").GetString());
        // A text send is one call into the account grain, which refuses it itself with the same answer.
        var sendWhileScaning = await _api.GetAsync("send_friend_message", ("client", "routes_ctl"), ("id", "x"), ("content", "hi"));
        Assert.Equal(-2, sendWhileScaning.GetProperty("code").GetInt32());
        Assert.Equal("scaning", sendWhileScaning.GetProperty("state").GetString());

        var stopped = await _api.GetAsync("stop_client", ("client", "routes_ctl"));
        Assert.Equal(0, stopped.GetProperty("code").GetInt32());
        Assert.Equal("success", stopped.GetProperty("status").GetString());
        var gone = await _api.GetAsync("check_client", ("client", "routes_ctl"));
        Assert.Equal("client not exists", gone.GetProperty("status").GetString());
        var sendWhenGone = await _api.GetAsync("send_group_message", ("client", "routes_ctl"), ("id", "x"), ("content", "hi"));
        Assert.Equal(1, sendWhenGone.GetProperty("code").GetInt32());
        Assert.Equal("client not exists", sendWhenGone.GetProperty("status").GetString());
        var stopAgain = await _api.GetAsync("stop_client", ("client", "routes_ctl"));
        Assert.Equal(1, stopAgain.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Openwx_routes_read_contacts_search_and_send_for_a_running_client()
    {
        var world = fixture.Emulator.World;
        world.CreateUser(new CreateUserRequest { Wxid = "routes_alice", NickName = "RouteAlice", City = "Shenzhen" });
        world.CreateUser(new CreateUserRequest { Wxid = "routes_bob", NickName = "RouteBob" });
        world.CreateUser(new CreateUserRequest { Wxid = "routes_bot", NickName = "RouteBot", Friends = ["routes_alice", "routes_bob"] });
        await _api.LoginAsync(fixture.Emulator.World, "routes_info", "routes_bot");

        var user = await _api.GetAsync("get_user_info", ("client", "routes_info"));
        Assert.Equal("RouteBot", user.GetProperty("displayname").GetString());

        var friends = await _api.GetAsync("get_friend_info", ("client", "routes_info"));
        var alice = friends.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "RouteAlice");
        foreach (var key in new[] { "id", "uid", "name", "account", "province", "city", "signature", "sex", "display", "markname", "category", "displayname" })
        {
            Assert.True(alice.TryGetProperty(key, out _), key);
        }

        var found = await _api.GetAsync("search_friend", ("client", "routes_info"), ("displayname", "RouteAlice"));
        Assert.Equal(alice.GetProperty("id").GetString(), Assert.Single(found.EnumerateArray()).GetProperty("id").GetString());
        var byCity = await _api.GetAsync("search_friend", ("client", "routes_info"), ("city", "Shenzhen"));
        Assert.Equal("RouteAlice", Assert.Single(byCity.EnumerateArray()).GetProperty("name").GetString());
        var badKey = await _api.GetAsync("search_friend", ("client", "routes_info"), ("nickname", "x"));
        Assert.Equal(-1, badKey.GetProperty("code").GetInt32());

        var missing = await _api.PostFormAsync("send_friend_message", ("client", "routes_info"), ("displayname", "Nobody"), ("content", "x"));
        Assert.Equal(JsonValueKind.Null, missing.GetProperty("id").ValueKind);
        Assert.Equal(100, missing.GetProperty("code").GetInt32());
        var sent = await _api.PostFormAsync("send_friend_message", ("client", "routes_info"), ("displayname", "RouteBob"), ("content", "hi bob"));
        Assert.Equal(0, sent.GetProperty("code").GetInt32());
        Assert.Contains(world.GetSent("routes_bot"), m => m.Content == "hi bob" && m.To == "routes_bob");

        var info = await _api.GetAsync("get_client_info", ("client", "routes_info"));
        Assert.Equal("running", info.GetProperty("state").GetString());
        Assert.Equal("success", info.GetProperty("status").GetString());

        using var unknown = await fixture.Http.GetAsync("openwx/no_such_route?client=routes_info");
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
        Assert.Equal("api not found", await unknown.Content.ReadAsStringAsync());
    }
}
