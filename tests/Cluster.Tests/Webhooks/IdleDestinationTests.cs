using Orleans.Runtime;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Webhooks;

/// <summary>
/// An account started without post_api or poll_api keeps neither the webhook nor the poll_api grain in memory; one
/// started with both keeps both. Judged from the silos' catalogs (the management grain), never by a call into those
/// grains, which would activate them again.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class IdleDestinationTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_account_without_post_api_or_poll_api_leaves_neither_grain_active()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var world = fixture.Emulator.World;
        var api = new OpenWxHttpApi(fixture.Http);
        world.CreateAccountWithFriend("nohooks", "NoHooksPal");
        world.CreateAccountWithFriend("withhooks", "WithHooksPal");
        await api.LoginAsync(world, "nohooks", "nohooks_bot");
        await api.LoginAsync(world, "withhooks", "withhooks_bot", ("post_api", receiver.Url), ("poll_api", receiver.PollUrl), ("poll_interval", "60"));

        var idle = Destinations("nohooks");
        await Eventually.TrueAsync(async () => !(await ActiveAsync()).Overlaps(idle), Wait, "no webhook or poll_api activation of nohooks");

        // The same look sees the grains of an account that has somewhere to deliver.
        var active = await ActiveAsync();
        Assert.True(active.IsSupersetOf(Destinations("withhooks")), "withhooks' webhook and poll_api grains are active");
        Assert.Equal("running", await api.StateAsync("nohooks"));
    }

    private HashSet<GrainId> Destinations(string client)
    {
        var key = AccountKey.For(AccountKey.WeChat, client);
        var grains = fixture.Cluster.Client;
        return [grains.ForKey<IWebhookGrain>(key).GetGrainId(), grains.ForKey<IPollApiGrain>(key).GetGrainId()];
    }

    private async Task<HashSet<GrainId>> ActiveAsync() =>
        (await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics()).Select(s => s.GrainId).ToHashSet();
}
