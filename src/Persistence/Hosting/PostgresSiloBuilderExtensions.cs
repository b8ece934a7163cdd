using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Orleans.Configuration.Overrides;
using Orleans.Serialization;
using Orleans.Storage;
using OpenWxCluster.Persistence.Encryption;
using OpenWxCluster.Persistence.Storage;

namespace OpenWxCluster.Persistence.Hosting;

/// <summary>The Orleans AdoNet providers on PostgreSQL, configured one way for the silo host and the tests.</summary>
public static class PostgresSiloBuilderExtensions
{
    /// <summary>The AdoNet invariant name of Npgsql (loaded by name, no factory registration needed).</summary>
    public const string Invariant = "Npgsql";

    /// <summary>Grain state writes sent in one round trip and commit, at most.</summary>
    public const int DefaultWriteBatch = 64;

    /// <summary>Batches in flight at once per silo: one fills while another commits.</summary>
    private const int WriteBatchConcurrency = 2;

    /// <summary>
    /// Longest a batched write waits for a row lock (PostgreSQL's <c>lock_timeout</c> on the batches' connections).
    /// A row held by another transaction (an operator's session, a stale activation mid-write elsewhere) would
    /// otherwise hold up both batches of the silo, and so every grain's state write, until the command timeout; this
    /// way only that row's write fails, and the rest of its batch runs again without it.
    /// </summary>
    public static readonly TimeSpan DefaultBatchLockTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Grain storage in <c>orleansstorage</c>. State is written with Orleans' binary serializer: it follows the
    /// <c>[Id]</c>s of the state types, so renaming a type or namespace does not break stored rows (pitfall P9 of the
    /// default Newtonsoft format with <c>$type</c>). With <paramref name="keys"/> each state is sealed with AES-256-GCM
    /// (<see cref="EncryptedGrainStorageSerializer"/>); rows written in clear before are still read. Writes of many
    /// grains share one round trip and commit, up to <paramref name="writeBatch"/> a batch (<see cref="BatchingGrainStorage"/>;
    /// 1 writes each alone through the provider); a batched write waits at most <paramref name="batchLockTimeout"/>
    /// (default <see cref="DefaultBatchLockTimeout"/>) for a row lock.
    /// </summary>
    public static ISiloBuilder AddPostgresGrainStorage(
        this ISiloBuilder silo, string name, string connectionString, StateKeyRing? keys = null, int writeBatch = DefaultWriteBatch,
        TimeSpan? batchLockTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writeBatch, 1);
        var tuned = PostgresConnectionTuning.Apply(connectionString);
        silo.AddAdoNetGrainStorage(name, o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = tuned;
        });
        if (writeBatch > 1)
        {
            // Registered after the provider's own, so the provider's lifecycle registration resolves this one.
            silo.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) =>
            {
                var provider = AdoNetGrainStorageFactory.Create(sp, name);
                // As the provider reads it (a per-provider override wins).
                var serviceId = sp.GetProviderClusterOptions(name).Value.ServiceId;
                var batcher = new StateWriteBatcher(
                    NpgsqlDataSource.Create(PostgresConnectionTuning.WithLockTimeout(tuned, batchLockTimeout ?? DefaultBatchLockTimeout)),
                    // Loaded by the provider at silo start, before any grain can write.
                    () => provider.CurrentOperationalQueries?.WriteToStorage ?? throw new InvalidOperationException("the grain storage has not started"),
                    serviceId,
                    writeBatch,
                    WriteBatchConcurrency,
                    sp.GetRequiredService<ILogger<BatchingGrainStorage>>());
                return new BatchingGrainStorage(provider, batcher, serviceId, name);
            });
        }
        silo.Services.AddOptions<AdoNetGrainStorageOptions>(name)
            .Configure<IServiceProvider>((o, sp) =>
            {
                var binary = new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>());
                o.GrainStorageSerializer = keys is null ? binary : new EncryptedGrainStorageSerializer(binary, keys);
            });
        return silo;
    }

    public static ISiloBuilder UsePostgresReminders(this ISiloBuilder silo, string connectionString) =>
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = PostgresConnectionTuning.Apply(connectionString);
        });

    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder silo, string connectionString) =>
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = PostgresConnectionTuning.Apply(connectionString);
        });
}
