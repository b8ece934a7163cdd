using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.Cluster.Tests.Qq;

/// <summary>Events over the reverse WebSocket: the emulator connects to the front (token, X-Self-ID) and its frames
/// reach check_event once; after the socket drops (the QQ account logs out and returns) it reconnects and events flow.</summary>
public sealed class OpenqqReverseWsTests(QqReverseWsFixture fx) : IClassFixture<QqReverseWsFixture>
{
    [Fact]
    public async Task Messages_arrive_over_the_reverse_socket_and_again_after_it_reconnects()
    {
        await fx.StartClientAsync();
        var first = fx.World.UserSendsPrivate(QqClusterFixture.Alice, QqClusterFixture.Bot, [MessageSegment.Text("over ws")]);
        Assert.Equal(1, await CountAsync(first));

        // A logged-out NapCat drops its sockets; logged in again it connects back.
        fx.World.SetOnline(QqClusterFixture.Bot, false);
        await fx.Api.WaitForStateAsync(QqClusterFixture.Client, "offline");
        fx.World.SetOnline(QqClusterFixture.Bot, true);
        await fx.Api.WaitForStateAsync(QqClusterFixture.Client, "running");
        var second = fx.World.UserSendsGroup(QqClusterFixture.Bob, QqClusterFixture.Team, [MessageSegment.Text("after reconnect")]);
        Assert.Equal(1, await CountAsync(second));
    }

    private async Task<int> CountAsync(QqMessage message)
    {
        var seen = 0;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (seen == 0 && DateTime.UtcNow < deadline)
        {
            foreach (var e in (await fx.Api.GetAsync("check_event", ("client", QqClusterFixture.Client))).EnumerateArray())
            {
                seen += OpenqqEventTests.S(e, "id") == OpenqqEventTests.Id(message) ? 1 : 0;
            }
        }
        return seen;
    }
}
