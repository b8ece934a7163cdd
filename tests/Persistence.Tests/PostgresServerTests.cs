using Npgsql;
using OpenWxCluster.Persistence.Tests.Infrastructure;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Persistence.Tests;

/// <summary>The TestKit server itself: start, isolate, stop and clean up; clear failure without binaries.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresServerTests
{
    [Fact]
    public async Task A_second_server_runs_beside_the_first_and_is_gone_after_dispose()
    {
        var server = await PostgresServer.StartAsync();
        var root = server.RootDirectory;
        string cs;
        try
        {
            cs = await server.CreateDatabaseAsync("kit_check");
            await using var connection = new NpgsqlConnection(cs);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT current_setting('max_connections') || ',' || current_setting('fsync')", connection);
            Assert.Equal("300,off", await command.ExecuteScalarAsync());
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.False(Directory.Exists(root));
        var noPool = new NpgsqlConnectionStringBuilder(cs) { Pooling = false, Timeout = 2 }.ConnectionString;
        await using var after = new NpgsqlConnection(noPool);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => after.OpenAsync());
    }

    [Fact]
    public async Task Missing_binaries_give_a_clear_message()
    {
        var previous = Environment.GetEnvironmentVariable("OPENWX_PG_BIN");
        Environment.SetEnvironmentVariable("OPENWX_PG_BIN", "/nonexistent/pg/bin");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresServer.StartAsync());
            Assert.Contains("initdb and pg_ctl", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("OPENWX_PG_BIN", previous);
        }
    }

    [Fact]
    public void Free_ports_are_usable_loopback_ports()
    {
        var port = FreePort.Next();
        Assert.InRange(port, 1024, 65535);
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        listener.Start();
        listener.Stop();
    }
}
