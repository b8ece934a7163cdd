using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace OpenWxCluster.Persistence.Storage;

/// <summary>
/// Sends the state writes of many grains to PostgreSQL together: one round trip and one commit per batch instead of
/// one each. A write that arrives while no batch is running goes at once, alone; writes that arrive while batches
/// are running wait for the next one, which takes them all (up to its size). So nothing waits on a
/// timer, and the busier the silo, the larger the batches. Each statement is the provider's own write query
/// (<paramref name="writeSql"/>, the catalogue's WriteToStorageKey as it loaded it), so a row is written exactly as
/// the AdoNet provider writes it; a version conflict answers only its own writer.
/// A writer learns its outcome only after the batch has committed. Waiting writes are bounded by the grains that
/// await them (a grain writes one state at a time).
/// </summary>
internal sealed partial class StateWriteBatcher(
    NpgsqlDataSource dataSource, Func<string> writeSql, string serviceId, int maxBatch, int concurrency, ILogger logger) : IAsyncDisposable
{
    /// <summary>Key in a <see cref="PostgresException"/>'s Data: the index of the batch's statement that raised it.</summary>
    private const string FailedStatement = "openwx.batch.statement";

    private readonly ConcurrentQueue<PendingStateWrite> _waiting = new();
    private int _running;

    /// <summary>Queues <paramref name="write"/>; completes with the new version, or null when its version was stale.</summary>
    public Task<int?> WriteAsync(PendingStateWrite write)
    {
        _waiting.Enqueue(write);
        StartIfIdle();
        return write.Written.Task;
    }

    private void StartIfIdle()
    {
        while (true)
        {
            var running = Volatile.Read(ref _running);
            if (running >= concurrency)
            {
                return;
            }
            if (Interlocked.CompareExchange(ref _running, running + 1, running) == running)
            {
                // Started on the caller's thread up to its first I/O, as the provider runs a lone write (no thread
                // pool hop for a write that finds the silo idle); every continuation is off the grain's scheduler.
                // The caller's async context (its activity, Orleans request context, log scope) stays with the
                // caller: the loop serves every grain's writes.
                using (ExecutionContext.SuppressFlow())
                {
                    _ = DrainAsync();
                }
                return;
            }
        }
    }

    private async Task DrainAsync()
    {
        try
        {
            var batch = new List<PendingStateWrite>(maxBatch);
            while (Take(batch))
            {
                await RunAsync(batch).ConfigureAwait(false);
                batch.Clear();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            // A write queued after the last take, before the decrement, would otherwise wait for the next writer.
            if (!_waiting.IsEmpty)
            {
                StartIfIdle();
            }
        }
    }

    private bool Take(List<PendingStateWrite> batch)
    {
        while (batch.Count < maxBatch && _waiting.TryDequeue(out var write))
        {
            batch.Add(write);
        }
        return batch.Count > 0;
    }

    /// <summary>
    /// Runs <paramref name="batch"/> and answers every writer in it. A statement that fails on its own (a trigger, a
    /// constraint, a deadlock) rolls the whole batch back: its writer gets the error, and the others run again without
    /// it, so one grain's failure is not its neighbours'. The failed statement is the one whose result was being read
    /// (Npgsql leaves PostgresException.BatchCommand unset here). Any other failure answers every writer with it.
    /// </summary>
    private async Task RunAsync(List<PendingStateWrite> batch)
    {
        while (batch.Count > 0)
        {
            int?[] versions;
            try
            {
                versions = await ExecuteAsync(batch).ConfigureAwait(false);
            }
            catch (PostgresException e) when (batch.Count > 1 && e.Data[FailedStatement] is int index && index < batch.Count)
            {
                batch[index].Written.TrySetException(e);
                LogStatementFailed(logger, e.SqlState, batch.Count - 1);
                batch.RemoveAt(index);
                continue;
            }
            catch (Exception e)
            {
                foreach (var write in batch)
                {
                    write.Written.TrySetException(e);
                }
                LogBatchFailed(logger, e, batch.Count);
                return;
            }
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Written.TrySetResult(versions[i]);
            }
            return;
        }
    }

    private async Task<int?[]> ExecuteAsync(List<PendingStateWrite> batch)
    {
        var versions = new int?[batch.Count];
        var sql = writeSql();
        await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var command = new NpgsqlBatch(connection);
        // One Sync for the whole batch: PostgreSQL runs it as one implicit transaction, one commit.
        foreach (var write in batch)
        {
            command.BatchCommands.Add(Statement(sql, write));
        }
        // The statement whose result is being reached: an error raised meanwhile is that statement's.
        var at = 0;
        try
        {
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            for (; at < batch.Count; at++)
            {
                if (at > 0 && !await reader.NextResultAsync().ConfigureAwait(false))
                {
                    throw new InvalidOperationException($"the batch answered {at} of {batch.Count} state writes");
                }
                versions[at] = await reader.ReadAsync().ConfigureAwait(false) && !reader.IsDBNull(0) ? reader.GetInt32(0) : null;
            }
            // Read to the end: the commit's outcome comes after the last result.
            while (await reader.NextResultAsync().ConfigureAwait(false))
            {
            }
        }
        catch (PostgresException e) when (at < batch.Count)
        {
            e.Data[FailedStatement] = at;
            throw;
        }
        return versions;
    }

    private NpgsqlBatchCommand Statement(string sql, PendingStateWrite write)
    {
        var statement = new NpgsqlBatchCommand(sql);
        var p = statement.Parameters;
        p.Add(new NpgsqlParameter("GrainIdHash", NpgsqlDbType.Integer) { Value = write.KeyHash });
        p.Add(new NpgsqlParameter("GrainIdN0", NpgsqlDbType.Bigint) { Value = 0L });
        p.Add(new NpgsqlParameter("GrainIdN1", NpgsqlDbType.Bigint) { Value = 0L });
        p.Add(new NpgsqlParameter("GrainTypeHash", NpgsqlDbType.Integer) { Value = write.GrainTypeHash });
        p.Add(new NpgsqlParameter("GrainTypeString", NpgsqlDbType.Text) { Value = write.GrainType });
        p.Add(new NpgsqlParameter("GrainIdExtensionString", NpgsqlDbType.Text) { Value = write.Key });
        p.Add(new NpgsqlParameter("ServiceId", NpgsqlDbType.Text) { Value = serviceId });
        p.Add(new NpgsqlParameter("GrainStateVersion", NpgsqlDbType.Integer) { Value = write.Version is { } v ? v : DBNull.Value });
        p.Add(new NpgsqlParameter("PayloadBinary", NpgsqlDbType.Bytea) { Value = write.Payload });
        return statement;
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    [LoggerMessage(401, LogLevel.Error, "A batch of {Count} grain state writes failed; each writer gets the error")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(402, LogLevel.Warning, "A grain state write failed in its batch (SQLSTATE {SqlState}); its writer gets the error, the other {Count} run again")]
    private static partial void LogStatementFailed(ILogger logger, string sqlState, int count);
}
