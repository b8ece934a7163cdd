using Orleans.TestingHost;
using OpenWxCluster.Grains;
using OpenWxCluster.Persistence.Hosting;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>A two-silo test cluster whose grain state and reminders live in a real PostgreSQL database.</summary>
internal static class PostgresCluster
{
    public static async Task<InProcessTestCluster> StartAsync(
        string connectionString, string serviceId, string emulatorUrl, Action<ISiloBuilder>? configure = null, string? apiUrl = null)
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ServiceId = serviceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddPostgresGrainStorage(OrleansNames.Storage, connectionString);
            silo.UsePostgresReminders(connectionString);
            TestSilo.Configure(silo, emulatorUrl, memoryStorage: false, apiUrl: apiUrl);
            configure?.Invoke(silo);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
