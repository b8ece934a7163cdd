using Npgsql;
using OpenWxCluster.Persistence.Hosting;
using OpenWxCluster.Persistence.Tests.Infrastructure;

namespace OpenWxCluster.Persistence.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ConnectionTuningTests(PostgresFixture fixture)
{
    [Fact]
    public void Statements_are_prepared_and_connections_not_reset_unless_the_operator_says_otherwise()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionTuning.Apply("Host=db;Database=wx"));

        Assert.Equal(PostgresConnectionTuning.MaxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;NORESETONCLOSE=false")]
    public void The_operators_own_settings_win(string given)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionTuning.Apply(given));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }

    [Theory]
    [InlineData("", "-c lock_timeout=1500", "1500ms")]
    [InlineData("-c statement_timeout=90000", "-c statement_timeout=90000 -c lock_timeout=1500", "1500ms")]
    [InlineData("-c lock_timeout=7000", "-c lock_timeout=7000", "7s")]
    public async Task A_batch_connection_waits_on_locks_as_long_as_set_unless_the_operator_set_it(string options, string expected, string shown)
    {
        var cs = new NpgsqlConnectionStringBuilder(await fixture.Server.CreateUniqueDatabaseAsync("locks")) { Options = options };

        var withTimeout = PostgresConnectionTuning.WithLockTimeout(cs.ConnectionString, TimeSpan.FromMilliseconds(1500));

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(withTimeout).Options);
        await using var connection = new NpgsqlConnection(withTimeout);
        await connection.OpenAsync();
        await using var show = new NpgsqlCommand("SHOW lock_timeout", connection);
        Assert.Equal(shown, await show.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_query_sent_again_and_again_is_prepared_on_the_server()
    {
        var cs = await fixture.Server.CreateUniqueDatabaseAsync("tuning");
        await using var connection = new NpgsqlConnection(PostgresConnectionTuning.Apply(cs));
        await connection.OpenAsync();
        for (var i = 0; i < 10; i++)
        {
            await using var repeated = new NpgsqlCommand("SELECT @n + 1", connection);
            repeated.Parameters.AddWithValue("n", i);
            await repeated.ExecuteScalarAsync();
        }

        await using var prepared = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1 + 1%'", connection);
        Assert.Equal(1L, await prepared.ExecuteScalarAsync());
    }
}
