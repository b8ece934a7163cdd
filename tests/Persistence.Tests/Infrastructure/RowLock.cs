using Npgsql;

namespace OpenWxCluster.Persistence.Tests.Infrastructure;

/// <summary>A grain state row held FOR UPDATE by another connection until disposed, so a write to it waits.</summary>
internal sealed class RowLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private bool _released;

    private RowLock(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<RowLock> TakeAsync(string connectionString, string stringKey)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT 1 FROM orleansstorage WHERE grainidextensionstring = @k FOR UPDATE", connection, transaction);
        command.Parameters.Add(Param.Text("k", stringKey));
        Assert.Equal(1, await command.ExecuteScalarAsync());
        return new RowLock(connection, transaction);
    }

    /// <summary>Sessions of the database waiting on a lock now.</summary>
    public static async Task<long> WaitersAsync(string connectionString) =>
        (long)(await new QueryRunner(connectionString).ScalarAsync(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"))!;

    /// <summary>Waits until <paramref name="count"/> sessions of the database wait on a lock.</summary>
    public static async Task WaitForWaitersAsync(string connectionString, long count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await WaitersAsync(connectionString) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"fewer than {count} writes waited on the row locks");
            await Task.Delay(20);
        }
    }

    /// <summary>Releases the lock (rolls back); a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_released)
        {
            return;
        }
        _released = true;
        await _transaction.RollbackAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
