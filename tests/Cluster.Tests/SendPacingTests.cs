using System.Diagnostics;
using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.World;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// Per-account send pacing (start_client send_interval), idempotency keys and upstream risk control, judged by the
/// emulator's sent log.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SendPacingTests(ClusterFixture fixture)
{
    private readonly OpenWxHttpApi _api = new(fixture.Http);
    private EmulatorWorld World => fixture.Emulator.World;

    [Fact]
    public async Task The_same_idempotency_key_sends_once_and_answers_the_same_id()
    {
        World.CreateUser(new CreateUserRequest { Wxid = "spi_lee", NickName = "Lee" });
        World.CreateUser(new CreateUserRequest { Wxid = "spi_bot", NickName = "OnceBot", Friends = ["spi_lee"] });
        await _api.LoginAsync(World, "sp_once", "spi_bot");
        var lee = World.ResolveUserName("spi_bot", "spi_lee").UserName;

        var first = await _api.GetAsync("send_friend_message", ("client", "sp_once"), ("id", lee), ("content", "pay 5"), ("client_msg_id", "order-1"));
        var again = await _api.PostFormAsync("send_friend_message", ("client", "sp_once"), ("id", lee), ("content", "pay 5"), ("client_msg_id", "order-1"));
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            _api.GetAsync("send_friend_message", ("client", "sp_once"), ("id", lee), ("content", "pay 7"), ("client_msg_id", "order-2"))));

        Assert.Equal(0, first.GetProperty("code").GetInt32());
        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Single(concurrent.Select(r => r.GetProperty("id").GetString()).Distinct());
        Assert.NotEqual(first.GetProperty("id").GetString(), concurrent[0].GetProperty("id").GetString());
        var sent = World.GetSent("spi_bot");
        Assert.Single(sent, s => s.Content == "pay 5");
        Assert.Single(sent, s => s.Content == "pay 7");
    }

    [Fact]
    public async Task Send_interval_spaces_an_accounts_sends()
    {
        World.CreateUser(new CreateUserRequest { Wxid = "spp_max", NickName = "Max" });
        World.CreateUser(new CreateUserRequest { Wxid = "spp_bot", NickName = "PacedBot", Friends = ["spp_max"] });
        await _api.LoginAsync(World, "sp_paced", "spp_bot", ("send_interval", "0.5"));
        var max = World.ResolveUserName("spp_bot", "spp_max").UserName;

        var clock = Stopwatch.StartNew();
        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            _api.GetAsync("send_friend_message", ("client", "sp_paced"), ("id", max), ("content", $"paced {i}"))));
        clock.Stop();

        Assert.All(replies, r => Assert.Equal(0, r.GetProperty("code").GetInt32()));
        Assert.Equal(4, World.GetSent("spp_bot").Count(s => s.Content.StartsWith("paced ", StringComparison.Ordinal)));
        // Three gaps of 0.5 s at least: a lower bound, safe on a slow machine.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5), $"4 sends took {clock.Elapsed}");
    }

    [Fact]
    public async Task Sends_to_different_friends_are_at_the_upstream_at_once()
    {
        string[] friends = ["spq_a", "spq_b", "spq_c", "spq_d"];
        foreach (var wxid in friends)
        {
            World.CreateUser(new CreateUserRequest { Wxid = wxid, NickName = wxid });
        }
        World.CreateUser(new CreateUserRequest { Wxid = "spq_bot", NickName = "PipeBot", Friends = [.. friends] });
        await _api.LoginAsync(World, "sp_pipe", "spq_bot");
        var names = friends.Select(f => World.ResolveUserName("spq_bot", f).UserName).ToList();
        World.SetFault(new FaultRequest { Mode = "hold", PathContains = "webwxsendmsg", Count = friends.Length });
        try
        {
            var sends = names.Select(name =>
                _api.GetAsync("send_friend_message", ("client", "sp_pipe"), ("id", name), ("content", "pipe " + name))).ToList();

            // One at a time, the upstream would never hold more than one of them.
            await Eventually.TrueAsync(() => Task.FromResult(World.HeldRequests == friends.Length), TimeSpan.FromSeconds(30), "all four sends held at once");
            World.ReleaseHeld();

            Assert.All(await Task.WhenAll(sends), r => Assert.Equal(0, r.GetProperty("code").GetInt32()));
            var sent = World.GetSent("spq_bot");
            Assert.All(names, name => Assert.Single(sent, s => s.Content == "pipe " + name));
        }
        finally
        {
            World.SetFault(null);
            World.ReleaseHeld();
        }
    }

    [Fact]
    public async Task Upstream_risk_control_is_a_typed_code_and_an_event()
    {
        World.CreateUser(new CreateUserRequest { Wxid = "spr_ned", NickName = "Ned" });
        World.CreateUser(new CreateUserRequest { Wxid = "spr_bot", NickName = "RiskBot", Friends = ["spr_ned"] });
        await _api.LoginAsync(World, "sp_risk", "spr_bot");
        var ned = World.ResolveUserName("spr_bot", "spr_ned").UserName;
        World.RateLimit("spr_bot", new RateLimitRequest(Enabled: true));

        var refused = await _api.GetAsync("send_friend_message", ("client", "sp_risk"), ("id", ned), ("content", "too fast"));

        Assert.Equal(1205, refused.GetProperty("code").GetInt32());
        Assert.StartsWith("risk control", refused.GetProperty("status").GetString(), StringComparison.Ordinal);
        var risk = await _api.WaitForEventAsync("sp_risk", e =>
            e.GetProperty("post_type").GetString() == "event" && e.GetProperty("event").GetString() == "risk_control");
        var parameters = risk.GetProperty("params").EnumerateArray().ToList();
        Assert.Equal("send_too_frequent", parameters[0].GetString());
        Assert.Equal(ned, parameters[2].GetString());
        Assert.DoesNotContain(World.GetSent("spr_bot"), s => s.Content == "too fast");
    }
}
