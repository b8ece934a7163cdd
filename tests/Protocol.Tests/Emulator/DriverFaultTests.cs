using Microsoft.Extensions.DependencyInjection;
using OpenWxCluster.Emulator;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Protocol.Hosting;

namespace OpenWxCluster.Protocol.Tests.Emulator;

/// <summary>
/// Session-end retcodes and injected transport faults: 1100/1101/1205 come back as typed results or WxRetException,
/// and every emulator fault surfaces as a WxTransportException (exactly that type) from every kind of call.
/// </summary>
public sealed class DriverFaultTests
{
    private static EmulatorOptions Options => new() { LoginPollHold = TimeSpan.FromMilliseconds(200), SyncCheckHold = TimeSpan.FromSeconds(10) };

    [Theory]
    [InlineData(1100)]
    [InlineData(1101)]
    public async Task Synccheck_reports_the_retcode_of_an_ended_session_and_sync_fails_with_it(int retCode)
    {
        await using var emu = await EmulatorHarness.StartAsync(Options);
        var alice = emu.User("alice");
        var session = await DriverSync.ReadyAsync(emu, alice.Wxid);
        var hanging = emu.Driver.SyncCheckAsync(session);

        emu.World.InvalidateSession(alice.Wxid, retCode);
        var check = await hanging.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(retCode, check.RetCode);
        Assert.False(check.HasNews);
        var error = await Assert.ThrowsAsync<WxRetException>(() => emu.Driver.SyncAsync(session));
        Assert.Equal(retCode, error.Ret);
    }

    [Fact]
    public async Task Rate_limiting_answers_synccheck_1205_and_a_send_with_Ret_1205()
    {
        await using var emu = await EmulatorHarness.StartAsync(Options);
        var bob = emu.User("bob");
        var alice = emu.User("alice", bob.Wxid);
        var session = await DriverSync.ReadyAsync(emu, alice.Wxid);

        emu.World.RateLimit(alice.Wxid, new RateLimitRequest(true, SyncCheck: true));
        Assert.Equal(SyncCheckResult.RateLimited, (await emu.Driver.SyncCheckAsync(session).WaitAsync(TimeSpan.FromSeconds(5))).RetCode);
        var send = await Assert.ThrowsAsync<WxRetException>(() =>
            emu.Driver.SendTextAsync(session, emu.NameOf(alice.Wxid, bob.Wxid), "hello", "17000000000000077"));
        Assert.Equal(1205, send.Ret);
        Assert.Empty(emu.World.GetSent(alice.Wxid));

        emu.World.RateLimit(alice.Wxid, new RateLimitRequest(false));
        await emu.Driver.SendTextAsync(session, emu.NameOf(alice.Wxid, bob.Wxid), "hello", "17000000000000077");
        Assert.Single(emu.World.GetSent(alice.Wxid));
    }

    [Theory]
    [InlineData("latency", "webwxsync")]
    [InlineData("latency", "synccheck")]
    [InlineData("latency", "webwxgetcontact")]
    [InlineData("error", "webwxsync")]
    [InlineData("error", "synccheck")]
    [InlineData("error", "webwxgetcontact")]
    [InlineData("malformed", "webwxsync")]
    [InlineData("malformed", "synccheck")]
    [InlineData("malformed", "webwxgetcontact")]
    [InlineData("truncated", "webwxsync")]
    [InlineData("truncated", "synccheck")]
    [InlineData("truncated", "webwxgetcontact")]
    public async Task Every_injected_fault_surfaces_as_a_WxTransportException(string mode, string cgi)
    {
        await using var host = await EmulatorHost.StartAsync(Options);
        await using var services = new ServiceCollection()
            .AddWebWxProtocol(o =>
            {
                o.LoopbackBaseUrl = host.BaseUri.GetLeftPart(UriPartial.Authority);
                // Short enough to keep the latency cases quick, long enough for the login on a busy CI machine.
                o.RequestTimeout = TimeSpan.FromSeconds(4);
                o.LongPollTimeout = TimeSpan.FromSeconds(4);
            })
            .BuildServiceProvider();
        var driver = services.GetRequiredService<IWxProtocolDriver>();
        host.World.CreateUser(new CreateUserRequest { Wxid = "wxid_alice", NickName = "alice", GeneratedFriends = 2 });
        var session = await LoginAsync(host, driver, "wxid_alice");

        // Latency goes past the 4 s timeout (the long-poll timeout too); the other modes answer at once.
        host.World.SetFault(new FaultRequest { Mode = mode, LatencyMs = mode == "latency" ? 6000 : 0, Count = 1, PathContains = "/" + cgi });
        Func<Task> call = cgi switch
        {
            "webwxsync" => () => driver.SyncAsync(session),
            "synccheck" => () => driver.SyncCheckAsync(session),
            _ => () => driver.GetContactsAsync(session),
        };
        var error = await Record.ExceptionAsync(call);

        Assert.NotNull(error);
        Assert.Equal(typeof(WxTransportException), error.GetType());
        Assert.Equal(cgi, ((WxTransportException)error).Operation);

        // The fault was used up: the same call works again.
        host.World.SetFault(null);
        if (cgi != "synccheck")
        {
            await call();
        }
    }

    private static async Task<WxSession> LoginAsync(EmulatorHost host, IWxProtocolDriver driver, string wxid)
    {
        var uuid = await driver.GetUuidAsync();
        host.World.ScanImage(await driver.GetQrCodeAsync(uuid), wxid);
        host.World.Confirm(uuid);
        var poll = await driver.PollLoginAsync(uuid, scanned: true);
        var session = await driver.NewLoginPageAsync(poll.RedirectUri!);
        await driver.InitAsync(session);
        return session;
    }
}
