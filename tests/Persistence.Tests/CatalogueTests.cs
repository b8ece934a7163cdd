using Npgsql;
using OpenWxCluster.Persistence.Tests.Infrastructure;

namespace OpenWxCluster.Persistence.Tests;

/// <summary>Checklist 1 and 2: the providers' catalogue look-up against this schema.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CatalogueTests(PostgresFixture fixture)
{
    public static TheoryData<string> ClusteringKeys => [.. OrleansQueryKeys.Clustering];

    [Theory]
    [MemberData(nameof(ClusteringKeys))]
    public async Task Silo_table_and_client_fail_naming_a_missing_clustering_key(string key)
    {
        var cs = await DatabaseWithoutAsync(key);

        var silo = await Assert.ThrowsAsync<ArgumentException>(
            () => Providers.ClusteringTable(cs, Members.NewClusterId()).InitializeMembershipTableAsync(true, CancellationToken.None));
        Assert.Contains("Missing are: " + key, silo.Message, StringComparison.Ordinal);

        var client = await Assert.ThrowsAsync<ArgumentException>(
            () => Providers.GatewayList(cs, Members.NewClusterId()).InitializeGatewayListProviderAsync(CancellationToken.None));
        Assert.Contains("Missing are: " + key, client.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dropping_only_the_optional_per_row_cleanup_key_still_initialises()
    {
        var cs = await DatabaseWithoutAsync(OrleansQueryKeys.CleanupDefunctSiloEntry);
        var clusterId = Members.NewClusterId();
        var table = Providers.ClusteringTable(cs, clusterId);

        await table.InitializeMembershipTableAsync(true, CancellationToken.None);
        await Providers.GatewayList(cs, clusterId).InitializeGatewayListProviderAsync(CancellationToken.None);

        // The bulk cleanup query now runs instead and still works.
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Equal(0, (await table.ReadAllAsync(CancellationToken.None)).Version.Version);
    }

    [Fact]
    public async Task A_quoted_mixed_case_catalogue_is_not_found()
    {
        var cs = await fixture.CreateSchemaDatabaseAsync("quoted");
        var runner = new QueryRunner(cs);
        await runner.SqlAsync(
            "ALTER TABLE orleansquery RENAME COLUMN querykey TO \"QueryKey\";" +
            "ALTER TABLE orleansquery RENAME COLUMN querytext TO \"QueryText\";" +
            "ALTER TABLE orleansquery RENAME TO \"OrleansQuery\";");

        var error = await Assert.ThrowsAnyAsync<Exception>(
            () => Providers.ClusteringTable(NoPooling(cs), Members.NewClusterId()).InitializeMembershipTableAsync(true, CancellationToken.None));
        var postgres = Assert.IsType<PostgresException>(Innermost(error));
        Assert.Equal(PostgresErrorCodes.UndefinedTable, postgres.SqlState);
    }

    private async Task<string> DatabaseWithoutAsync(string key)
    {
        var cs = await fixture.CreateSchemaDatabaseAsync("nokey");
        var runner = new QueryRunner(cs);
        Assert.Equal(1, await runner.SqlAsync("DELETE FROM orleansquery WHERE querykey = @k", Param.Text("k", key)));
        // A throwaway database per case: don't keep a pool of idle connections to it.
        NpgsqlConnection.ClearAllPools();
        return NoPooling(cs);
    }

    private static string NoPooling(string cs) => new NpgsqlConnectionStringBuilder(cs) { Pooling = false }.ConnectionString;

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
