using OpenWxCluster.Emulator.Control;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// Upstream faults (5xx, malformed and truncated bodies, latency) while an account runs: the driver's typed errors
/// are absorbed, the account grain stays running and delivers again once upstream heals. Own emulator and cluster,
/// because faults are emulator-wide.
/// </summary>
public sealed class RobustnessTests : IAsyncLifetime
{
    private readonly ClusterFixture _fixture = new();
    private OpenWxHttpApi _api = null!;

    public async Task InitializeAsync()
    {
        await _fixture.InitializeAsync();
        _api = new OpenWxHttpApi(_fixture.Http);
    }

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Theory]
    [InlineData("error", "synccheck")]
    [InlineData("malformed", "synccheck")]
    [InlineData("truncated", "synccheck")]
    [InlineData("error", "webwxsync")]
    [InlineData("malformed", "webwxsync")]
    [InlineData("truncated", "webwxsync")]
    public async Task A_message_sent_during_an_upstream_fault_reaches_the_user_exactly_once(string mode, string path)
    {
        var world = _fixture.Emulator.World;
        world.CreateAccountWithFriend("rb", "RbPal");
        await _api.LoginAsync(world, "rb", "rb_bot");

        world.SetFault(new FaultRequest { Mode = mode, PathContains = path });
        // webwxsync only runs when synccheck reports news: give it some.
        world.SendText("rb_pal", "rb_bot", "during the fault");
        await WaitForLastErrorAsync("rb", path);
        world.SetFault(null);

        Assert.Equal("running", await _api.StateAsync("rb"));
        var ledger = new DeliveryLedger(_api, "rb");
        world.SendText("rb_pal", "rb_bot", "after the fault");
        await ledger.CollectUntilAsync("after the fault", TimeSpan.FromSeconds(30));
        ledger.AssertExactlyOnce(["during the fault", "after the fault"]);
    }

    [Fact]
    public async Task A_send_hitting_5xx_answers_a_failure_code_and_the_next_send_works()
    {
        var world = _fixture.Emulator.World;
        world.CreateAccountWithFriend("sf", "SfPal");
        await _api.LoginAsync(world, "sf", "sf_bot");

        world.SetFault(new FaultRequest { Mode = "error", Status = 502, PathContains = "webwxsendmsg" });
        var failed = await _api.GetAsync("send_friend_message", ("client", "sf"), ("displayname", "SfPal"), ("content", "lost"));
        world.SetFault(null);
        Assert.Equal(-1, failed.GetProperty("code").GetInt32());
        Assert.DoesNotContain(world.GetSent("sf_bot"), m => m.Content == "lost");

        var sent = await _api.GetAsync("send_friend_message", ("client", "sf"), ("displayname", "SfPal"), ("content", "delivered"));
        Assert.Equal(0, sent.GetProperty("code").GetInt32());
        Assert.Contains(world.GetSent("sf_bot"), m => m.Content == "delivered");
    }

    [Fact]
    public async Task A_send_whose_answer_is_cut_off_is_retried_with_the_same_client_msg_id_and_sent_once()
    {
        var world = _fixture.Emulator.World;
        world.CreateAccountWithFriend("once", "OncePal");
        await _api.LoginAsync(world, "once", "once_bot");

        // The server accepts the message, then the answer is truncated: the grain must retry with the same
        // ClientMsgId so the server's dedupe turns the retry into the same message instead of a second one.
        world.SetFault(new FaultRequest { Mode = "truncated", PathContains = "webwxsendmsg", Count = 1 });
        var sent = await _api.GetAsync("send_friend_message", ("client", "once"), ("displayname", "OncePal"), ("content", "exactly once"));
        world.SetFault(null);

        Assert.Equal(0, sent.GetProperty("code").GetInt32());
        var copies = world.GetSent("once_bot").Where(m => m.Content == "exactly once").ToList();
        var copy = Assert.Single(copies);
        Assert.StartsWith(copy.MsgId + ":", sent.GetProperty("id").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slow_upstream_answers_do_not_stop_the_account()
    {
        var world = _fixture.Emulator.World;
        world.CreateAccountWithFriend("sl", "SlPal");
        await _api.LoginAsync(world, "sl", "sl_bot");

        world.SetFault(new FaultRequest { Mode = "latency", LatencyMs = 1500 });
        try
        {
            world.SendText("sl_pal", "sl_bot", "slowly");
            var received = await _api.WaitForEventAsync("sl", e => e.TryGetProperty("content", out var c) && c.GetString() == "slowly");
            Assert.Equal("SlPal", received.GetProperty("sender_name").GetString());
        }
        finally
        {
            world.SetFault(null);
        }
    }

    private Task WaitForLastErrorAsync(string client, string operation) =>
        _api.WaitForClientEntryAsync(
            client,
            e => e.TryGetProperty("last_error", out var error) && error.GetString()!.Contains(operation, StringComparison.Ordinal),
            $"a {operation} error",
            TimeSpan.FromSeconds(20));
}
