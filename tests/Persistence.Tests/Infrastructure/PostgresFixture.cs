using OpenWxCluster.Persistence;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Persistence.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL server for the whole assembly, plus one lazily started silo that every
/// provider-level test shares. A database per test class is the isolation unit.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly Dictionary<string, Task<string>> _classDatabases = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _siloGate = new(1, 1);
    private PostgresServer? _server;
    private TestSilo? _silo;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    /// <summary>The schema-installed database of one test class, created on first use.</summary>
    public Task<string> DatabaseForAsync(Type testClass)
    {
        lock (_classDatabases)
        {
            if (!_classDatabases.TryGetValue(testClass.Name, out var database))
            {
                database = CreateSchemaDatabaseAsync(testClass.Name);
                _classDatabases[testClass.Name] = database;
            }

            return database;
        }
    }

    /// <summary>A new database with the schema applied (for tests that damage their catalogue).</summary>
    public async Task<string> CreateSchemaDatabaseAsync(string prefix)
    {
        var connectionString = await Server.CreateUniqueDatabaseAsync(prefix);
        await PostgresSchema.ApplyAsync(connectionString);
        return connectionString;
    }

    /// <summary>The shared silo (AdoNet clustering, storage and reminders on its own database).</summary>
    public async Task<TestSilo> SiloAsync()
    {
        await _siloGate.WaitAsync();
        try
        {
            return _silo ??= await TestSilo.StartAsync(await CreateSchemaDatabaseAsync("silo"));
        }
        finally
        {
            _siloGate.Release();
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_silo is not null)
            {
                await _silo.DisposeAsync();
            }
        }
        finally
        {
            // Stop PostgreSQL even when the silo failed to stop.
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }

            _siloGate.Dispose();
        }
    }
}
