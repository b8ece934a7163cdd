using Microsoft.Extensions.DependencyInjection;
using OpenWxCluster.Grains.Options;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Webhooks;

/// <summary>The cluster default post_api (Mojo's controller option) serves accounts started without their own.</summary>
public sealed class DefaultWebhookTests
{
    [Fact]
    public async Task An_account_started_without_post_api_posts_to_the_cluster_default()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var run = await IsolatedRun.StartAsync(
            silo: s => s.Services.Configure<WebhookOptions>(o => o.Url = receiver.Url));
        var world = run.Fixture.Emulator.World;
        world.CreateAccountWithFriend("deflt", "DefaultPal");
        await run.Api.LoginAsync(world, "deflt", "deflt_bot");

        world.SendText("deflt_pal", "deflt_bot", "to the default");
        await Eventually.TrueAsync(
            () => Task.FromResult(receiver.Posts.Any(p => p.Content == "to the default")), TimeSpan.FromSeconds(30), "the post");
        Assert.Equal("deflt", receiver.Posts.First(p => p.Content == "to the default").Query["client"]);
    }
}
