using System.Net;
using System.Net.Http.Headers;

namespace OpenWxCluster.Emulator.Tests;

/// <summary>An emulator with a control token (as inside a silo) answers /control only to its holder; the protocol stays open.</summary>
public sealed class ControlTokenTests
{
    [Fact]
    public async Task Control_needs_the_token_and_the_protocol_does_not()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { ControlToken = "ctl-t0ken" });
        using var http = new HttpClient { BaseAddress = host.BaseUri };

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("control/health")).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "control/health") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "guess") } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
        using var right = new HttpRequestMessage(HttpMethod.Get, "control/health") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "ctl-t0ken") } };
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(right)).StatusCode);
        // The protocol routes are not behind it.
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await http.GetAsync("jslogin?appid=wx782c26e4c19acffb&fun=new")).StatusCode);
    }
}
