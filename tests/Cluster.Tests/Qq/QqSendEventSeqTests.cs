using Orleans.Core.Internal;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Qq;

/// <summary>
/// The QQ account delivers a plain send's event before (instead of) writing its state, as the WeChat account does
/// (SendEventSeqTests): a new activation must resume past every sequence number that may have gone out, or
/// check_event drops the next sends' events as replays.
/// </summary>
public sealed class QqSendEventSeqTests(QqClusterFixture fx) : IClassFixture<QqClusterFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fx.StartClientAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Sends_after_the_account_is_reactivated_reach_check_event_once_each()
    {
        string[] before = ["qq before 1", "qq before 2", "qq before 3"];
        string[] after = ["qq after 1", "qq after 2", "qq after 3"];
        foreach (var text in before)
        {
            await SendAsync(text);
        }
        var account = fx.Grains.ForKey<IQqAccountGrain>(fx.Key);
        await account.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        await fx.Api.WaitForStateAsync(QqClusterFixture.Client, "running");
        foreach (var text in after)
        {
            await SendAsync(text);
        }

        Assert.Equal([.. before, .. after], await fx.Api.SentContentsAsync(QqClusterFixture.Client, before.Length + after.Length, TimeSpan.FromSeconds(60)));
    }

    private async Task SendAsync(string content)
    {
        var reply = await fx.Api.GetAsync("send_friend_message", ("client", QqClusterFixture.Client), ("uid", "20001"), ("content", content));
        Assert.Equal(0, reply.GetProperty("code").GetInt32());
    }
}
