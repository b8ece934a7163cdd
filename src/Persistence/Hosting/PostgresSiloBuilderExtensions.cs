using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using OpenWxCluster.Persistence.Encryption;

namespace OpenWxCluster.Persistence.Hosting;

/// <summary>The Orleans AdoNet providers on PostgreSQL, configured one way for the silo host and the tests.</summary>
public static class PostgresSiloBuilderExtensions
{
    /// <summary>The AdoNet invariant name of Npgsql (loaded by name, no factory registration needed).</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Grain storage in <c>orleansstorage</c>. State is written with Orleans' binary serializer: it follows the
    /// <c>[Id]</c>s of the state types, so renaming a type or namespace does not break stored rows (pitfall P9 of the
    /// default Newtonsoft format with <c>$type</c>). With <paramref name="keys"/> each state is sealed with AES-256-GCM
    /// (<see cref="EncryptedGrainStorageSerializer"/>); rows written in clear before are still read.
    /// </summary>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder silo, string name, string connectionString, StateKeyRing? keys = null)
    {
        silo.AddAdoNetGrainStorage(name, o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = PostgresConnectionTuning.Apply(connectionString);
        });
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
