using System.Net;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.QqEmulator.Tests;

/// <summary>A QQ emulator with a control token (as inside a silo in demo mode) answers /control only to its holder.</summary>
public sealed class ControlTokenTests
{
    [Fact]
    public async Task Control_needs_the_token()
    {
        await using var host = await QqEmulatorHost.StartAsync(new QqEmulatorOptions { ControlToken = "ctl-t0ken" });

        Assert.Equal(
            (HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK),
            await ControlTokenProbe.HealthAsync(host.BaseUri, "ctl-t0ken"));
    }
}
