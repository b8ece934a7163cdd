using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using OpenWxCluster.Persistence.Tests.Grains;
using OpenWxCluster.Persistence.Tests.Infrastructure;

namespace OpenWxCluster.Persistence.Tests;

/// <summary>
/// The product's grain storage (AddPostgresGrainStorage), whose writes of many grains share one round trip and one
/// commit. Judged from the table: rows written in one transaction share its start time (modifiedon = now()).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BatchedGrainStorageTests(PostgresFixture fixture) : IAsyncLifetime
{
    private const string StateName = CounterStates.StateName;
    private TestSilo _silo = null!;
    private IGrainStorage _batched = null!;
    private IGrainStorage _unbatched = null!;

    public async Task InitializeAsync()
    {
        _silo = await fixture.SiloAsync();
        _batched = _silo.Services.GetRequiredKeyedService<IGrainStorage>(TestSilo.BatchedStore);
        _unbatched = _silo.Services.GetRequiredKeyedService<IGrainStorage>(TestSilo.UnbatchedStore);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Batched_rows_are_the_providers_own_and_versions_chain_across_both()
    {
        var id = NewKey();
        var state = New(1);
        await _unbatched.WriteStateAsync(StateName, id, state);
        var providerHashes = await HashesAsync(id);
        state.State!.Value = 2;
        await _batched.WriteStateAsync(StateName, id, state);
        // The batched update rewrote the hash columns with the provider's own values.
        Assert.Equal(providerHashes, await HashesAsync(id));

        var read = New(0);
        await _unbatched.ReadStateAsync(StateName, id, read);
        Assert.Equal(2, read.State!.Value);
        Assert.Equal(state.ETag, read.ETag);

        read.State.Value = 3;
        await _unbatched.WriteStateAsync(StateName, id, read);
        await _batched.ReadStateAsync(StateName, id, state);
        Assert.Equal(3, state.State!.Value);
        state.State.Value = 4;
        await _batched.WriteStateAsync(StateName, id, state);

        var stale = New(5);
        stale.ETag = read.ETag;
        await Assert.ThrowsAsync<InconsistentStateException>(() => _batched.WriteStateAsync(StateName, id, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => _batched.WriteStateAsync(StateName, id, New(6)));
        var last = New(0);
        await _unbatched.ReadStateAsync(StateName, id, last);
        Assert.Equal(4, last.State!.Value);
        Assert.Equal(state.ETag, last.ETag);
    }

    [Fact]
    public async Task Sixteen_concurrent_first_writes_have_one_winner_and_one_row()
    {
        var id = NewKey();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            try
            {
                await _batched.WriteStateAsync(StateName, id, New(i));
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM orleansstorage WHERE grainidextensionstring = @k", id.Key.ToString()!));
    }

    [Fact]
    public async Task Writes_queued_behind_running_batches_commit_together_and_a_stale_one_fails_alone()
    {
        var stale = NewKey();
        var staleState = New(1);
        await _batched.WriteStateAsync(StateName, stale, staleState);
        var staleCopy = New(7);
        staleCopy.ETag = staleState.ETag;
        await _batched.WriteStateAsync(StateName, stale, staleState);

        await using var held = await HeldBatches.StartAsync(_batched, _silo.ConnectionString, StateName);
        var keys = Enumerable.Range(0, 20).Select(_ => NewKey()).ToList();
        var writes = keys.Select((k, i) => _batched.WriteStateAsync(StateName, k, New(i))).ToList();
        var staleWrite = _batched.WriteStateAsync(StateName, stale, staleCopy);
        Assert.All(writes, w => Assert.False(w.IsCompleted));

        await held.ReleaseFirstAsync();
        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<InconsistentStateException>(() => staleWrite);

        // One batch took them all: one transaction, one start time, every row there with its value.
        Assert.Equal((20L, 1L), await RowsAndTransactionsAsync(keys));
        await AssertValuesAsync(keys);
        var kept = New(0);
        await _unbatched.ReadStateAsync(StateName, stale, kept);
        Assert.Equal(staleState.ETag, kept.ETag);
        await held.ReleaseSecondAsync();
    }

    [Fact]
    public async Task A_statement_failing_in_a_batch_fails_its_writer_alone()
    {
        // The database refuses one row (as a constraint or a trigger of the operator's might): only its writer fails.
        await new QueryRunner(_silo.ConnectionString).ScalarAsync("""
            CREATE OR REPLACE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.grainidextensionstring LIKE 'poison%' THEN RAISE EXCEPTION 'refused by the test'; END IF;
                RETURN NEW;
            END $$;
            CREATE OR REPLACE TRIGGER refuse_poison BEFORE INSERT OR UPDATE ON orleansstorage
                FOR EACH ROW EXECUTE FUNCTION refuse_poison();
            """);
        await using var held = await HeldBatches.StartAsync(_batched, _silo.ConnectionString, StateName);
        var keys = Enumerable.Range(0, 10).Select(_ => NewKey()).ToList();
        var writes = keys.Select((k, i) => _batched.WriteStateAsync(StateName, k, New(i))).ToList();
        var poison = _batched.WriteStateAsync(StateName, CounterStates.NewKey("poison"), New(99));

        await held.ReleaseFirstAsync();
        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => poison);
        Assert.Equal("refused by the test", refused.MessageText);
        await Task.WhenAll(writes);
        Assert.Equal((10L, 1L), await RowsAndTransactionsAsync(keys));
        await AssertValuesAsync(keys);
        await held.ReleaseSecondAsync();
    }

    [Fact]
    public async Task Writes_held_on_row_locks_fail_alone_after_the_lock_timeout_and_the_rest_go_on()
    {
        var store = _silo.Services.GetRequiredKeyedService<IGrainStorage>(TestSilo.ShortLockStore);
        var (first, second) = (NewKey(), NewKey());
        var (firstState, secondState) = (New(1), New(1));
        await store.WriteStateAsync(StateName, first, firstState);
        await store.WriteStateAsync(StateName, second, secondState);
        await using var firstLock = await RowLock.TakeAsync(_silo.ConnectionString, first.Key.ToString()!);
        await using var secondLock = await RowLock.TakeAsync(_silo.ConnectionString, second.Key.ToString()!);

        // Each starts one of the silo's two batches, which then waits on its row lock; the others queue behind them.
        firstState.State!.Value = 2;
        secondState.State!.Value = 2;
        var heldWrites = new[] { store.WriteStateAsync(StateName, first, firstState), store.WriteStateAsync(StateName, second, secondState) };
        var others = Enumerable.Range(0, 10).Select(_ => NewKey()).ToList();
        var otherWrites = others.Select(id => store.WriteStateAsync(StateName, id, New(7))).ToList();

        // The locks are still held: without a lock timeout nothing below could finish (the command timeout is 10 min).
        await Task.WhenAll(otherWrites).WaitAsync(TimeSpan.FromSeconds(60));
        foreach (var held in heldWrites)
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => held);
            Assert.Equal(PostgresErrorCodes.LockNotAvailable, FindPostgres(error)?.SqlState);
        }
        Assert.Equal(10, await CountAsync(others, 7));
        Assert.Equal(2, await CountAsync([first, second], 1)); // the held rows kept what they had
    }

    private static PostgresException? FindPostgres(Exception? e) =>
        e is null ? null : e as PostgresException ?? FindPostgres(e.InnerException);

    /// <summary>How many of <paramref name="keys"/> read back as <paramref name="value"/>.</summary>
    private async Task<long> CountAsync(IEnumerable<GrainId> keys, int value)
    {
        long count = 0;
        foreach (var id in keys)
        {
            var read = New(0);
            await _unbatched.ReadStateAsync(StateName, id, read);
            count += read.State?.Value == value ? 1 : 0;
        }
        return count;
    }

    private async Task<string> HashesAsync(GrainId id) =>
        (string)(await new QueryRunner(_silo.ConnectionString).ScalarAsync(
            "SELECT graintypehash || '/' || grainidhash FROM orleansstorage WHERE grainidextensionstring = @k", Param.Text("k", id.Key.ToString())))!;

    /// <summary>Rows of <paramref name="keys"/> and the transactions that wrote them (distinct start times).</summary>
    private async Task<(long Rows, long Transactions)> RowsAndTransactionsAsync(IEnumerable<GrainId> keys)
    {
        await using var connection = new Npgsql.NpgsqlConnection(_silo.ConnectionString);
        await connection.OpenAsync();
        await using var query = new Npgsql.NpgsqlCommand(
            "SELECT count(*), count(DISTINCT modifiedon) FROM orleansstorage WHERE grainidextensionstring = ANY(@k)", connection);
        query.Parameters.AddWithValue("k", keys.Select(k => k.Key.ToString()!).ToArray());
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The i-th key holds value i, read through the plain provider.</summary>
    private async Task AssertValuesAsync(IReadOnlyList<GrainId> keys)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            var read = New(-1);
            await _unbatched.ReadStateAsync(StateName, keys[i], read);
            Assert.Equal(i, read.State!.Value);
        }
    }

    private static GrainId NewKey() => CounterStates.NewKey("batched_");

    private static GrainState<CounterState> New(int value) => CounterStates.New(value);

    private Task<object?> ScalarAsync(string sql, string key) =>
        new QueryRunner(_silo.ConnectionString).ScalarAsync(sql, Param.Text("k", key));
}
