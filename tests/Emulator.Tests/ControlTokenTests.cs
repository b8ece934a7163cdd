using System.Net;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Emulator.Tests;

/// <summary>An emulator with a control token (as inside a silo) answers /control only to its holder; the protocol stays open.</summary>
public sealed class ControlTokenTests
{
    [Fact]
    public async Task Control_needs_the_token_and_the_protocol_does_not()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { ControlToken = "ctl-t0ken" });

        Assert.Equal(
            (HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK),
            await ControlTokenProbe.HealthAsync(host.BaseUri, "ctl-t0ken"));
        // The protocol routes are not behind it.
        using var http = new HttpClient { BaseAddress = host.BaseUri };
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await http.GetAsync("jslogin?appid=wx782c26e4c19acffb&fun=new")).StatusCode);
    }
}
