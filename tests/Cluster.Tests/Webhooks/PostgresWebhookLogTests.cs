using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using OpenWxCluster.Grains.Options;
using OpenWxCluster.Grains.Webhooks;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Webhooks;

/// <summary>
/// The post_api attempt log is saved apart from the backlog, throttled while deliveries flow (here to once an hour,
/// so only the other saves count): judged by what PostgreSQL holds, a drained backlog leaves every attempt saved, and
/// a log an older version saved inside the backlog's state is taken over by the next activation.
/// </summary>
public sealed class PostgresWebhookLogTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private PostgresWithEmulator _env = null!;

    public async Task InitializeAsync() => _env = await PostgresWithEmulator.StartAsync("whlog");

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task When_the_backlog_drains_every_attempt_is_saved()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var cluster = await StartClusterAsync();
        var key = AccountKey.WeChatClient("whlog-drain");
        var webhook = cluster.Client.GetGrain<IWebhookGrain>(key);
        Assert.True(await webhook.ConfigureAsync(new WebhookSettings { Url = receiver.Url }));

        await webhook.AcceptAsync([TestEvents.Message(key, 1, "one"), TestEvents.Message(key, 2, "two"), TestEvents.Message(key, 3, "three")]);
        await Eventually.TrueAsync(() => Task.FromResult(receiver.Posts.Count == 3), Wait, "three posts");

        var saved = await Eventually.ValueAsync(
            () => SavedLogAsync(cluster, webhook), log => log.Count == 3, Wait, "three attempts saved");
        Assert.Equal([key + ":3", key + ":2", key + ":1"], saved.Select(a => a.EventId));
        Assert.All(saved, a => Assert.Equal((1, 200), (a.Attempt, a.StatusCode)));
    }

    [Fact]
    public async Task A_log_saved_with_the_backlog_is_taken_over()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var cluster = await StartClusterAsync();
        var key = AccountKey.WeChatClient("whlog-old");
        var webhook = cluster.Client.GetGrain<IWebhookGrain>(key);
        var old = new WebhookAttempt(key + ":0", 2, 200, TimeSpan.FromMilliseconds(3), null, DateTimeOffset.UtcNow.AddMinutes(-5));
        var storage = Storage(cluster);
        await storage.WriteStateAsync("webhook", IdOf(webhook), new GrainState<WebhookState>(new WebhookState
        {
            Settings = new WebhookSettings { Url = receiver.Url },
            LastSeq = 0,
            Attempts = [old],
        }));

        Assert.Equal([old], (await webhook.GetInfoAsync()).Attempts);
        await webhook.AcceptAsync([TestEvents.Message(key, 1, "one")]);

        var saved = await Eventually.ValueAsync(
            () => SavedLogAsync(cluster, webhook), log => log.Count == 2, Wait, "the old and the new attempt saved");
        Assert.Equal([key + ":1", key + ":0"], saved.Select(a => a.EventId));
        var backlog = new GrainState<WebhookState>(new WebhookState());
        await storage.ReadStateAsync("webhook", IdOf(webhook), backlog);
        Assert.Empty(backlog.State!.Attempts);
    }

    private Task<InProcessTestCluster> StartClusterAsync() => _env.StartClusterAsync(
        "whlog-" + Guid.NewGuid().ToString("N")[..8],
        silo => silo.Services.Configure<WebhookOptions>(o => o.LogSaveInterval = TimeSpan.FromHours(1)));

    private static IGrainStorage Storage(InProcessTestCluster cluster) =>
        cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(OrleansNames.Storage);

    private static GrainId IdOf(IWebhookGrain webhook) => ((GrainReference)(object)webhook).GrainId;

    private static async Task<List<WebhookAttempt>> SavedLogAsync(InProcessTestCluster cluster, IWebhookGrain webhook)
    {
        var log = new GrainState<WebhookLogState>(new WebhookLogState());
        await Storage(cluster).ReadStateAsync("webhook-log", IdOf(webhook), log);
        return log.State?.Attempts ?? [];
    }
}
