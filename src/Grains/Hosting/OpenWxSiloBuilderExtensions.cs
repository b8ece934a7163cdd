using Microsoft.Extensions.DependencyInjection;
using OpenWxCluster.Grains.Options;

namespace OpenWxCluster.Grains.Hosting;

/// <summary>Registers what the OpenWx grains need in a silo (options, streams, recovery), except grain storage,
/// reminders and clustering, which the host chooses.</summary>
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
        services.AddOptions<EventInboxOptions>().BindConfiguration("OpenWx:Inbox");
        services.AddSingleton<AccountRecoveryService>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<AccountRecoveryService>());
        silo.AddMemoryStreams(OrleansNames.StreamProvider);
        // The memory stream provider keeps its pub-sub table in this store; it belongs with the streams.
        silo.AddMemoryGrainStorage(OrleansNames.PubSubStore);
        return silo;
    }
}
