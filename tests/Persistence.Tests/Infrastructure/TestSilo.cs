using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using OpenWxCluster.Persistence.Hosting;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Persistence.Tests.Infrastructure;

/// <summary>
/// A real single-silo host using all three AdoNet providers on PostgreSQL: clustering, grain storage
/// ("store" keeps cleared rows, "store-delete" deletes them) and reminders.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    public const string Store = "store";
    public const string DeletingStore = "store-delete";

    /// <summary>The product's storage set-up (AddPostgresGrainStorage): writes of many grains batched.</summary>
    public const string BatchedStore = "store-batched";

    /// <summary>The product's storage set-up with batching off: every write alone through the provider.</summary>
    public const string UnbatchedStore = "store-unbatched";

    /// <summary>The product's batched storage with a 1 s row-lock wait, and no command timeout to end a wait sooner.</summary>
    public const string ShortLockStore = "store-short-lock";

    private readonly IHost _host;

    private TestSilo(IHost host, string connectionString, string serviceId)
    {
        _host = host;
        ConnectionString = connectionString;
        ServiceId = serviceId;
    }

    public string ConnectionString { get; }

    public string ServiceId { get; }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<TestSilo> StartAsync(string connectionString)
    {
        var serviceId = "svc-" + Guid.NewGuid().ToString("N")[..8];
        var host = Build(connectionString, Members.NewClusterId(), serviceId);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await host.StartAsync(timeout.Token);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new TestSilo(host, connectionString, serviceId);
    }

    /// <summary>The host without starting it (start-up failure tests start and dispose it themselves).</summary>
    public static IHost Build(string connectionString, string clusterId, string serviceId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, FreePort.Next(), FreePort.Next(), listenOnAnyHostAddress: false);
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = Providers.Invariant;
                o.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(Store, o =>
            {
                o.Invariant = Providers.Invariant;
                o.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(DeletingStore, o =>
            {
                o.Invariant = Providers.Invariant;
                o.ConnectionString = connectionString;
                o.DeleteStateOnClear = true;
            });
            // Tests hold batches on row locks as long as they need (HeldBatches): no lock timeout ends them first.
            silo.AddPostgresGrainStorage(BatchedStore, connectionString, batchLockTimeout: TimeSpan.FromMinutes(10));
            silo.AddPostgresGrainStorage(
                ShortLockStore,
                new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 600 }.ConnectionString,
                batchLockTimeout: TimeSpan.FromSeconds(1));
            silo.AddPostgresGrainStorage(UnbatchedStore, connectionString, writeBatch: 1);
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = Providers.Invariant;
                o.ConnectionString = connectionString;
            });
            // Let a test reminder fire within seconds instead of the one-minute default minimum.
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
