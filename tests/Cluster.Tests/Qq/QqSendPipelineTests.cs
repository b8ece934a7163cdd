using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Qq;

/// <summary>
/// The QQ account's sends to different friends are at the OneBot implementation at once (the send lane pipelines
/// across conversations), judged by the QQ emulator holding the calls.
/// </summary>
public sealed class QqSendPipelineTests(QqClusterFixture fx) : IClassFixture<QqClusterFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fx.StartClientAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Sends_to_two_friends_are_held_by_the_upstream_at_once()
    {
        long[] friends = [QqClusterFixture.Alice, QqClusterFixture.Carol];
        fx.World.HoldActions("send_private_msg", friends.Length);
        try
        {
            var sends = friends.Select(uid => fx.Api.GetAsync(
                "send_friend_message", ("client", QqClusterFixture.Client), ("uid", uid.ToString()), ("content", $"pipe {uid}"))).ToList();

            // One at a time, the emulator would never hold both.
            await Eventually.TrueAsync(() => Task.FromResult(fx.World.HeldActions == friends.Length), TimeSpan.FromSeconds(30), "both sends held at once");
            fx.World.ReleaseHeld();

            Assert.All(await Task.WhenAll(sends), r => Assert.Equal(0, r.GetProperty("code").GetInt32()));
            var sent = fx.World.SentBy(QqClusterFixture.Bot);
            Assert.All(friends, uid => Assert.Single(sent, m => m.PeerId == uid));
        }
        finally
        {
            fx.World.HoldActions("send_private_msg", 0);
            fx.World.ReleaseHeld();
        }
    }
}
