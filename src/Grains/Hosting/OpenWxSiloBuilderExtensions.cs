using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenWxCluster.Grains.Diagnostics;
using OpenWxCluster.Grains.Media;
using OpenWxCluster.Grains.Options;
using OpenWxCluster.Grains.Webhooks;
using OpenWxCluster.Media;
using OpenWxCluster.QqProtocol.Hosting;

namespace OpenWxCluster.Grains.Hosting;

/// <summary>Registers what the OpenWx grains need in a silo (options, streams, recovery, webhook delivery), except grain
/// storage, reminders, clustering and the <see cref="IWebhookFormat"/> (the web front's), which the host chooses.</summary>
public static class OpenWxSiloBuilderExtensions
{
    public static ISiloBuilder AddOpenWxGrains(this ISiloBuilder silo)
    {
        var services = silo.Services;
        if (services.Any(d => d.ServiceType == typeof(AccountRecoveryService)))
        {
            return silo;
        }
        services.AddOptions<SyncOptions>().BindConfiguration("OpenWx:Sync");
        services.AddOptions<SendOptions>().BindConfiguration("OpenWx:Send");
        services.AddOptions<EventInboxOptions>().BindConfiguration("OpenWx:Inbox");
        services.AddOptions<WebhookOptions>().BindConfiguration("OpenWx:Webhooks");
        services.AddOptions<QqOptions>().BindConfiguration("OpenWx:Qq");
        services.AddOptions<ConsoleEchoOptions>().BindConfiguration(ConsoleEchoOptions.SectionName);
        // QQ accounts: one OneBot client per account over one shared connection pool.
        services.AddOneBotProtocol();
        services.AddOptions<QqProtocol.OneBotOptions>().BindConfiguration("OpenWx:OneBot");
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DestinationPolicy>();
        services.AddMetrics();
        services.AddSingleton<ActivationGauges>();
        services.AddSingleton<OpenWxMetrics>();
        services.AddSingleton<ConsoleEcho>();
        services.AddSingleton<WebhookTransport>();
        services.AddWebhookHttpClient();
        // Received media: a folder by default; a host that sets OpenWx:Media:ConnectionString gets PostgreSQL.
        services.AddOpenWxMediaStore();
        services.AddOptions<MediaOptions>().BindConfiguration("OpenWx:Media");
        services.AddMediaHttpClient();
        services.AddSingleton<AccountRecoveryService>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<AccountRecoveryService>());
        silo.AddMemoryStreams(OrleansNames.StreamProvider);
        // The memory stream provider keeps its pub-sub table in this store; it belongs with the streams.
        silo.AddBinaryMemoryGrainStorage(OrleansNames.PubSubStore);
        return silo;
    }
}
