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
        // Events pushed while no socket is up are not kept (NapCat's behaviour too): wait for the connection.
        await WaitConnectedAsync();
        var first = fx.World.UserSendsPrivate(QqClusterFixture.Alice, QqClusterFixture.Bot, [MessageSegment.Text("over ws")]);
        Assert.Equal(1, await CountAsync(first));

        // A logged-out NapCat drops its sockets; logged in again it connects back.
        fx.World.SetOnline(QqClusterFixture.Bot, false);
        await fx.Api.WaitForStateAsync(QqClusterFixture.Client, "offline");
        fx.World.SetOnline(QqClusterFixture.Bot, true);
        await fx.Api.WaitForStateAsync(QqClusterFixture.Client, "running");
        await WaitConnectedAsync();
        var second = fx.World.UserSendsGroup(QqClusterFixture.Bob, QqClusterFixture.Team, [MessageSegment.Text("after reconnect")]);
        Assert.Equal(1, await CountAsync(second));
    }

    private Task WaitConnectedAsync() => TestKit.Eventually.ValueAsync(
        () => Task.FromResult(fx.Emulator.ReverseConnections), open => open == 1, TimeSpan.FromSeconds(30), "one open reverse socket");

    /// <summary>How often the message appears in check_event up to a barrier message sent after it.</summary>
    private async Task<int> CountAsync(QqMessage message)
    {
        var barrier = fx.World.UserSendsPrivate(QqClusterFixture.Carol, QqClusterFixture.Bot, [MessageSegment.Text("barrier")]);
        var seen = 0;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var barrierSeen = false;
            foreach (var e in (await fx.Api.GetAsync("check_event", ("client", QqClusterFixture.Client))).EnumerateArray())
            {
                seen += OpenqqEventTests.S(e, "id") == OpenqqEventTests.Id(message) ? 1 : 0;
                barrierSeen |= OpenqqEventTests.S(e, "id") == OpenqqEventTests.Id(barrier);
            }
            if (barrierSeen)
            {
                return seen;
            }
        }
        throw new TimeoutException("the barrier message never reached check_event");
    }
}
