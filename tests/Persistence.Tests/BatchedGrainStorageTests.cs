using Microsoft.Extensions.DependencyInjection;
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
    private const string StateName = "counter";
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
        await _batched.WriteStateAsync(StateName, id, state);
        state.State!.Value = 2;
        await _batched.WriteStateAsync(StateName, id, state);

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
        // Both batches a silo runs at once are made to wait on row locks; what is written meanwhile queues.
        var (first, second, stale) = (NewKey(), NewKey(), NewKey());
        var firstState = New(1);
        var secondState = New(1);
        var staleState = New(1);
        await _batched.WriteStateAsync(StateName, first, firstState);
        await _batched.WriteStateAsync(StateName, second, secondState);
        await _batched.WriteStateAsync(StateName, stale, staleState);
        var staleCopy = New(7);
        staleCopy.ETag = staleState.ETag;
        await _batched.WriteStateAsync(StateName, stale, staleState);

        await using var firstLock = await RowLock.TakeAsync(_silo.ConnectionString, first.Key.ToString()!);
        await using var secondLock = await RowLock.TakeAsync(_silo.ConnectionString, second.Key.ToString()!);
        var firstWrite = _batched.WriteStateAsync(StateName, first, firstState);
        await RowLock.WaitForWaitersAsync(_silo.ConnectionString, 1);
        var secondWrite = _batched.WriteStateAsync(StateName, second, secondState);
        await RowLock.WaitForWaitersAsync(_silo.ConnectionString, 2);

        var keys = Enumerable.Range(0, 20).Select(_ => NewKey()).ToList();
        var writes = keys.Select((k, i) => _batched.WriteStateAsync(StateName, k, New(i))).ToList();
        var staleWrite = _batched.WriteStateAsync(StateName, stale, staleCopy);
        Assert.All(writes, w => Assert.False(w.IsCompleted));

        await firstLock.DisposeAsync();
        await firstWrite;
        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<InconsistentStateException>(() => staleWrite);

        // One batch took them all: one transaction, one start time, every row there with its value.
        var names = keys.Select(k => k.Key.ToString()!).ToArray();
        await using var query = new Npgsql.NpgsqlCommand(
            "SELECT count(*), count(DISTINCT modifiedon) FROM orleansstorage WHERE grainidextensionstring = ANY(@k)",
            new Npgsql.NpgsqlConnection(_silo.ConnectionString));
        await query.Connection!.OpenAsync();
        query.Parameters.AddWithValue("k", names);
        await using (var reader = await query.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(20L, reader.GetInt64(0));
            Assert.Equal(1L, reader.GetInt64(1));
        }
        await query.Connection.DisposeAsync();
        for (var i = 0; i < keys.Count; i++)
        {
            var read = New(-1);
            await _unbatched.ReadStateAsync(StateName, keys[i], read);
            Assert.Equal(i, read.State!.Value);
        }
        var kept = New(0);
        await _unbatched.ReadStateAsync(StateName, stale, kept);
        Assert.Equal(staleState.ETag, kept.ETag);

        await secondLock.DisposeAsync();
        await secondWrite;
    }

    private static GrainId NewKey() => GrainId.Create("counter", "batched_" + Guid.NewGuid().ToString("N"));

    private static GrainState<CounterState> New(int value) => new(new CounterState { Value = value, Note = "n" + value });

    private Task<object?> ScalarAsync(string sql, string key) =>
        new QueryRunner(_silo.ConnectionString).ScalarAsync(sql, Param.Text("k", key));
}
