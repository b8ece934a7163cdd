using Npgsql;

namespace OpenWxCluster.Persistence.Tests.Infrastructure;

/// <summary>
/// Runs a catalogue query by key, the way the providers do: the stored text, one pooled connection, no explicit
/// transaction, rows from every row-returning statement.
/// </summary>
internal sealed class QueryRunner(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

    public async Task<string> TextAsync(string key)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT querytext FROM orleansquery WHERE querykey = @key", connection);
        command.Parameters.AddWithValue("key", key);
        return (string?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("No query " + key);
    }

    /// <summary>All rows, columns keyed by lower-case name.</summary>
    public async Task<List<Dictionary<string, object?>>> ReadAsync(string key, params NpgsqlParameter[] parameters)
    {
        var text = await TextAsync(key);
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(text, connection);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        do
        {
            while (await reader.ReadAsync())
            {
                var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }
        }
        while (await reader.NextResultAsync());

        return rows;
    }

    /// <summary>A "bool" result: exactly one row with exactly one non-NULL column, else the provider throws.</summary>
    public async Task<bool> ReadBoolAsync(string key, params NpgsqlParameter[] parameters)
    {
        var rows = await ReadAsync(key, parameters);
        Assert.Single(rows);
        var value = Assert.Single(rows[0]).Value;
        Assert.NotNull(value);
        return Convert.ToBoolean(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecAsync(string key, params NpgsqlParameter[] parameters)
    {
        var text = await TextAsync(key);
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(text, connection);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Plain SQL for inspecting or arranging state around a query under test.</summary>
    public async Task<object?> ScalarAsync(string sql, params NpgsqlParameter[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public async Task<int> SqlAsync(string sql, params NpgsqlParameter[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
