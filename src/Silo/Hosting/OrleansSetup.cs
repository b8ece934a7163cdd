using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using OpenWxCluster.Grains.Hosting;
using OpenWxCluster.Media;
using OpenWxCluster.Persistence.Hosting;
using OpenWxCluster.WebFront;

namespace OpenWxCluster.Silo.Hosting;

/// <summary>Chooses Orleans providers from <see cref="AppOptions"/>: in-memory/localhost, or PostgreSQL through AdoNet.</summary>
public static class OrleansSetup
{
    public static void Configure(ISiloBuilder silo, AppOptions app)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = app.ClusterId;
            o.ServiceId = app.ServiceId;
        });
        var advertised = IPAddress.Parse(app.AdvertisedIp);
        if (AppOptions.IsPostgres(app.Clustering))
        {
            silo.ConfigureEndpoints(advertised, app.SiloPort, app.GatewayPort, listenOnAnyHostAddress: false);
            silo.UsePostgresClustering(Required(app));
            TuneFailover(silo);
        }
        else
        {
            // Listens on 127.0.0.1 only: the embedded single silo needs no TLS unless a certificate is configured.
            silo.UseLocalhostClustering(app.SiloPort, app.GatewayPort);
        }
        UseTls(silo, app);

        if (AppOptions.IsPostgres(app.Storage))
        {
            if (app.StorageWriteBatch < 1)
            {
                throw new OptionsValidationException(AppOptions.Section, typeof(AppOptions), ["App:StorageWriteBatch must be 1 (no batching) or more"]);
            }
            silo.AddPostgresGrainStorage(OrleansNames.Storage, Required(app), StateKeys.Load(app), app.StorageWriteBatch);
            // Received media too, so any silo or web front serves a media another silo stored.
            silo.Services.Configure<MediaStoreOptions>(o => o.ConnectionString ??= app.ConnectionString);
        }
        else if (AppOptions.IsPostgres(app.Clustering))
        {
            // Silos of a cluster share Orleans' memory provider (its storage grains).
            silo.AddBinaryMemoryGrainStorage(OrleansNames.Storage);
        }
        else
        {
            silo.AddLocalGrainStorage(OrleansNames.Storage);
        }

        if (AppOptions.IsPostgres(app.Reminders ?? app.Clustering))
        {
            silo.UsePostgresReminders(Required(app));
        }
        else
        {
            silo.UseInMemoryReminderService();
        }
        silo.AddOpenWxGrains();
    }

    /// <summary>Mutual TLS on the silo and gateway ports (see <see cref="OrleansTls"/>), on for PostgreSQL clustering unless disabled.</summary>
    private static void UseTls(ISiloBuilder silo, AppOptions app)
    {
        var credentials = OrleansTls.Load(app.Tls, AppOptions.IsPostgres(app.Clustering));
        if (credentials is not null)
        {
            silo.UseTls(credentials.Certificate, tls => OrleansTls.Apply(tls, credentials));
        }
    }

    /// <summary>
    /// Detect a dead silo in about 2 s instead of 10–60 s, so its accounts resume elsewhere well within 15 s
    /// (measured in orleans-notes §6: defaults 10–16 s for SIGKILL, 65 s for a hung process).
    /// </summary>
    private static void TuneFailover(ISiloBuilder silo) =>
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        });

    private static string Required(AppOptions app) =>
        string.IsNullOrWhiteSpace(app.ConnectionString)
            ? throw new OptionsValidationException(AppOptions.Section, typeof(AppOptions), ["App:ConnectionString is required for the postgres providers"])
            : app.ConnectionString;
}
