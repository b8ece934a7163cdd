using OpenWxCluster.TestKit;
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
    /// <summary>A 30 s synccheck hold: an answer within 15 s can only be a wake-up, never the hold running out.</summary>
    private static EmulatorOptions Options => new() { LoginPollHold = TimeSpan.FromMilliseconds(200), SyncCheckHold = TimeSpan.FromSeconds(30) };

    [Theory]
    [InlineData(1100)]
    [InlineData(1101)]
    public async Task Synccheck_reports_the_retcode_of_an_ended_session_and_sync_fails_with_it(int retCode)
    {
        await using var emu = await EmulatorHarness.StartAsync(Options);
        var alice = emu.User("alice");
        var session = await DriverSync.ReadyAsync(emu, alice.Wxid);
        var hanging = emu.Driver.SyncCheckAsync(session);
        await emu.World.WaitForHeldSyncCheckAsync(alice.Wxid);

        emu.World.InvalidateSession(alice.Wxid, retCode);
        var check = await hanging.WaitAsync(TimeSpan.FromSeconds(15));
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
        Assert.Equal(SyncCheckResult.RateLimited, (await emu.Driver.SyncCheckAsync(session).WaitAsync(TimeSpan.FromSeconds(15))).RetCode);
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
        // Everything but the call that must time out gets timeouts no busy machine reaches.
        await using var services = DriverServices(host, TimeSpan.FromSeconds(60));
        var driver = services.GetRequiredService<IWxProtocolDriver>();
        host.World.CreateUser(new CreateUserRequest { Wxid = "wxid_alice", NickName = "alice", GeneratedFriends = 2 });
        var session = await LoginAsync(host, driver, "wxid_alice");

        // The latency case is made by a second driver with a 1 s timeout against a 60 s latency: it can only time
        // out, however slow the machine. The other modes answer at once and go through the patient driver.
        await using var hastyServices = DriverServices(host, TimeSpan.FromSeconds(1));
        var faulted = mode == "latency" ? hastyServices.GetRequiredService<IWxProtocolDriver>() : driver;
        host.World.SetFault(new FaultRequest { Mode = mode, LatencyMs = mode == "latency" ? 60_000 : 0, Count = 1, PathContains = "/" + cgi });
        Func<IWxProtocolDriver, Task> call = cgi switch
        {
            "webwxsync" => d => d.SyncAsync(session),
            "synccheck" => d => d.SyncCheckAsync(session),
            _ => d => d.GetContactsAsync(session),
        };
        var error = await Record.ExceptionAsync(() => call(faulted));

        Assert.NotNull(error);
        Assert.Equal(typeof(WxTransportException), error.GetType());
        Assert.Equal(cgi, ((WxTransportException)error).Operation);
        if (mode == "latency")
        {
            Assert.Contains("timed out", error.Message);
        }

        // The fault was used up: the same call works again.
        host.World.SetFault(null);
        if (cgi != "synccheck")
        {
            await call(driver);
        }
    }

    /// <summary>The driver as the silo registers it, against <paramref name="host"/>, with one timeout for every call.</summary>
    private static ServiceProvider DriverServices(EmulatorHost host, TimeSpan timeout) =>
        new ServiceCollection()
            .AddWebWxProtocol(o =>
            {
                o.LoopbackBaseUrl = host.BaseUri.GetLeftPart(UriPartial.Authority);
                o.RequestTimeout = timeout;
                o.LongPollTimeout = timeout;
            })
            .BuildServiceProvider();

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
