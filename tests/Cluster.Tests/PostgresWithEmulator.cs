using Orleans.TestingHost;
using OpenWxCluster.Emulator;
using OpenWxCluster.Persistence;
using OpenWxCluster.Persistence.Encryption;
using OpenWxCluster.Persistence.Hosting;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// What the PostgreSQL cluster tests start from: a throwaway server with a fresh database and the schema, an
/// emulator, and two-silo test clusters whose grain state (sealed with <see cref="Keys"/>, as a production silo seals
/// it) and reminders live in that database.
/// </summary>
internal sealed class PostgresWithEmulator : IAsyncDisposable
{
    private PostgresWithEmulator(PostgresServer postgres, string connectionString, EmulatorHost emulator)
    {
        Postgres = postgres;
        ConnectionString = connectionString;
        Emulator = emulator;
    }

    public PostgresServer Postgres { get; }
    public string ConnectionString { get; }
    public EmulatorHost Emulator { get; }

    /// <summary>The state key of every cluster of this database unless a test gives its own.</summary>
    public StateKeyRing Keys { get; } = StateKeyRing.FromKeys(StateKeyRing.NewKey());

    public static async Task<PostgresWithEmulator> StartAsync(string databasePrefix, bool durableCommits = false)
    {
        var postgres = await PostgresServer.StartAsync(durableCommits: durableCommits);
        var cs = await postgres.CreateUniqueDatabaseAsync(databasePrefix);
        await PostgresSchema.ApplyAsync(cs);
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            LoginPollHold = TimeSpan.FromSeconds(1),
            SyncCheckHold = TimeSpan.FromSeconds(3),
        });
        return new PostgresWithEmulator(postgres, cs, emulator);
    }

    /// <param name="apiUrl">The web front's address for poll_api redirects, when a test starts one.</param>
    /// <param name="keys">The state keys (default <see cref="Keys"/>).</param>
    /// <param name="clearState">State written in clear, as before encryption.</param>
    public async Task<InProcessTestCluster> StartClusterAsync(
        string serviceId, Action<ISiloBuilder>? configure = null, string? apiUrl = null, StateKeyRing? keys = null, bool clearState = false)
    {
        var ring = clearState ? null : keys ?? Keys;
        var cs = ConnectionString;
        var emulatorUrl = Emulator.BaseUri.ToString().TrimEnd('/');
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ServiceId = serviceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddPostgresGrainStorage(OrleansNames.Storage, cs, ring);
            silo.UsePostgresReminders(cs);
            TestSilo.Configure(silo, emulatorUrl, memoryStorage: false, apiUrl: apiUrl);
            configure?.Invoke(silo);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
