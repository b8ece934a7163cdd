using Npgsql;

namespace OpenWxCluster.Persistence;

/// <summary>
/// Installs the project's own PostgreSQL schema for the Orleans AdoNet clustering, grain storage and reminder
/// providers (query catalogue <c>orleansquery</c> plus the tables the queries use).
/// </summary>
public static class PostgresSchema
{
    // Arbitrary but fixed: every installer of this schema, in any process, serialises on this advisory lock.
    private const long InstallLockKey = 0x4F70_656E_5778_0001;

    /// <summary>
    /// Creates or updates the schema objects in the database named by <paramref name="connectionString"/>
    /// (its search_path decides the schema). Idempotent and safe to run from several processes at once: all
    /// parts run in one transaction under a transaction-scoped advisory lock, and query rows are upserted.
    /// </summary>
    public static async Task ApplyAsync(string connectionString, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", InstallLockKey);
            await lockCommand.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        foreach (var script in SqlScripts.All)
        {
            // No parameters are bound, so the @Name placeholders inside the dollar-quoted query texts stay literal.
            await using var command = new NpgsqlCommand(script.Text, connection, transaction);
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates the database named in <paramref name="connectionString"/> if it does not exist, connecting to the
    /// <c>postgres</c> maintenance database with the same credentials. Returns true if this call created it.
    /// </summary>
    public static async Task<bool> EnsureDatabaseAsync(string connectionString, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var database = target.Database;
        if (string.IsNullOrEmpty(database))
        {
            throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        }

        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);

        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null)
            {
                return false;
            }
        }

        try
        {
            // CREATE DATABASE takes no parameters and cannot run in a transaction; quote the name as an identifier.
            var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await using var create = new NpgsqlCommand("CREATE DATABASE " + quoted, connection);
            await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another process created it between the check and the CREATE (the race surfaces as either code).
            return false;
        }
    }

    /// <summary>The embedded SQL parts in the order <see cref="ApplyAsync"/> runs them, for use with psql.</summary>
    public static IReadOnlyList<SqlScript> Scripts => SqlScripts.All;
}
