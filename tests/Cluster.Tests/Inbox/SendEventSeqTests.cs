using Orleans.Core.Internal;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Inbox;

/// <summary>
/// A plain send's event is delivered before (instead of) a write of the account's state, so the saved state lags
/// behind the sequence numbers handed out. A new activation must resume past every number that may have gone out
/// (the saved reservation); reusing one would make check_event drop the next sends' events as replays.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SendEventSeqTests(ClusterFixture fixture)
{
    private readonly OpenWxHttpApi _api = new(fixture.Http);

    [Fact]
    public async Task Sends_after_the_account_is_reactivated_reach_check_event_once_each()
    {
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("seqres", "SeqPal");
        await _api.LoginAsync(world, "seqres", "seqres_bot");

        string[] before = ["before 1", "before 2", "before 3"];
        string[] after = ["after 1", "after 2", "after 3"];
        foreach (var text in before)
        {
            await SendAsync(text);
        }
        var account = fixture.Cluster.Client.ForKey<IWxAccountGrain>(AccountKey.For(AccountKey.WeChat, "seqres"));
        await account.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        await _api.WaitForStateAsync("seqres", "running");
        foreach (var text in after)
        {
            await SendAsync(text);
        }

        Assert.Equal([.. before, .. after], await _api.SentContentsAsync("seqres", before.Length + after.Length, TimeSpan.FromSeconds(60)));
    }

    private async Task SendAsync(string content)
    {
        var reply = await _api.GetAsync("send_friend_message", ("client", "seqres"), ("displayname", "SeqPal"), ("content", content));
        Assert.Equal(0, reply.GetProperty("code").GetInt32());
    }
}
