using Npgsql;
using OpenWxCluster.Persistence.Tests.Infrastructure;

namespace OpenWxCluster.Persistence.Tests;

[Collection(PostgresCollection.Name)]
public sealed class SchemaTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Applying_twice_succeeds_and_installs_every_key_once()
    {
        var cs = await fixture.Server.CreateUniqueDatabaseAsync("twice");
        await PostgresSchema.ApplyAsync(cs);
        await PostgresSchema.ApplyAsync(cs);

        var keys = await ReadKeysAsync(cs);
        Assert.Equal(OrleansQueryKeys.All.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task Concurrent_installers_all_succeed()
    {
        var cs = await fixture.Server.CreateUniqueDatabaseAsync("concurrent");
        // Separate pools per installer would not matter: each ApplyAsync opens its own connection.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => PostgresSchema.ApplyAsync(cs))));

        Assert.Equal(OrleansQueryKeys.All.Count, (await ReadKeysAsync(cs)).Count);
        var runner = new QueryRunner(cs);
        Assert.Equal(4L, await runner.ScalarAsync(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename IN " +
            "('orleansmembershipversiontable', 'orleansmembershiptable', 'orleansstorage', 'orleansreminderstable')"));
    }

    [Fact]
    public async Task Reapplying_restores_an_edited_query_text()
    {
        var cs = await fixture.CreateSchemaDatabaseAsync("restore");
        var runner = new QueryRunner(cs);
        var original = await runner.TextAsync("GatewaysQueryKey");
        await runner.SqlAsync("UPDATE orleansquery SET querytext = 'SELECT 1' WHERE querykey = 'GatewaysQueryKey'");

        await PostgresSchema.ApplyAsync(cs);

        Assert.Equal(original, await runner.TextAsync("GatewaysQueryKey"));
    }

    [Fact]
    public async Task EnsureDatabase_creates_a_missing_database_once_even_when_racing()
    {
        var name = "ensure_" + Guid.NewGuid().ToString("N")[..10];
        var cs = fixture.Server.ConnectionString(name);

        var created = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgresSchema.EnsureDatabaseAsync(cs))));

        Assert.Equal(1, created.Count(c => c));
        Assert.False(await PostgresSchema.EnsureDatabaseAsync(cs));
        await PostgresSchema.ApplyAsync(cs);
        Assert.Equal(OrleansQueryKeys.All.Count, (await ReadKeysAsync(cs)).Count);
    }

    [Fact]
    public void Scripts_are_embedded_in_order()
    {
        var names = PostgresSchema.Scripts.Select(s => s.Name).ToArray();
        Assert.Equal(["001-catalogue.sql", "010-clustering.sql", "020-persistence.sql", "030-reminders.sql", "040-media.sql"], names);
        Assert.All(PostgresSchema.Scripts, s => Assert.Contains("IF NOT EXISTS", s.Text, StringComparison.Ordinal));
    }

    private static async Task<List<string>> ReadKeysAsync(string cs)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT querykey FROM orleansquery ORDER BY querykey COLLATE \"C\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
