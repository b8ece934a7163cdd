using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using OpenWxCluster.Grains.Hosting;
using OpenWxCluster.Grains.Options;
using OpenWxCluster.Protocol.Hosting;
using OpenWxCluster.WebFront;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>Silo configuration shared by the test clusters: memory providers, the driver pointed at the emulator.</summary>
public static class TestSilo
{
    /// <param name="apiUrl">The web front's address, for poll_api redirects to the API (the web front is a separate host here).</param>
    /// <summary>The webhook backlog's chunk size in test silos.</summary>
    public const int WebhookBacklogChunk = 3;

    public static void Configure(
        ISiloBuilder silo, string emulatorUrl, bool memoryStorage = true, Action<SyncOptions>? sync = null, string? apiUrl = null)
    {
        if (memoryStorage)
        {
            silo.AddMemoryGrainStorage(OrleansNames.Storage);
            silo.UseInMemoryReminderService();
        }
        silo.Services.AddWebWxProtocol(o => o.LoopbackBaseUrl = emulatorUrl);
        silo.AddOpenWxGrains();
        silo.Services.Configure<SyncOptions>(o =>
        {
            o.PumpInterval = TimeSpan.FromMilliseconds(50);
            o.ErrorBackoff = TimeSpan.FromMilliseconds(200);
            sync?.Invoke(o);
        });
        // The host provides the post_api body format (the silo co-hosts the web front; here the test does).
        silo.Services.AddSingleton<IWebhookFormat, MojoWebhookFormat>();
        if (apiUrl is not null)
        {
            silo.Services.AddSingleton<IApiLoopback>(new ApiLoopback(new Uri(apiUrl), Microsoft.Extensions.Options.Options.Create(new OpenWxApiOptions())));
        }
        silo.Services.Configure<WebhookOptions>(o =>
        {
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(100);
            o.RetryMaxDelay = TimeSpan.FromSeconds(1);
            o.WatchdogPeriod = TimeSpan.FromSeconds(2);
            // Small chunks: every webhook test with a few waiting events crosses sealed backlog chunks.
            o.BacklogChunk = WebhookBacklogChunk;
        });
        // Lets a test run the watchdog reminder every few seconds (the production period is a minute).
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
    }
}
