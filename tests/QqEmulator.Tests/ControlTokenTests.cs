using System.Net;
using System.Net.Http.Headers;

namespace OpenWxCluster.QqEmulator.Tests;

/// <summary>A QQ emulator with a control token (as inside a silo in demo mode) answers /control only to its holder.</summary>
public sealed class ControlTokenTests
{
    [Fact]
    public async Task Control_needs_the_token()
    {
        await using var host = await QqEmulatorHost.StartAsync(new QqEmulatorOptions { ControlToken = "ctl-t0ken" });
        using var http = new HttpClient { BaseAddress = host.BaseUri };

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("control/health")).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "control/health") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "guess") } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
        using var right = new HttpRequestMessage(HttpMethod.Get, "control/health") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "ctl-t0ken") } };
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(right)).StatusCode);
    }
}
