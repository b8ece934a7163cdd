using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OpenWxCluster.Persistence.Tests.Grains;
using OpenWxCluster.Persistence.Tests.Infrastructure;

namespace OpenWxCluster.Persistence.Tests;

/// <summary>Checklist 14-17 through the real AdoNetGrainStorage of a running silo.</summary>
[Collection(PostgresCollection.Name)]
public sealed class GrainStorageProviderTests(PostgresFixture fixture) : IAsyncLifetime
{
    private const string StateName = CounterStates.StateName;
    private TestSilo _silo = null!;
    private IGrainStorage _store = null!;
    private IGrainStorage _deleting = null!;

    public async Task InitializeAsync()
    {
        _silo = await fixture.SiloAsync();
        _store = _silo.Services.GetRequiredKeyedService<IGrainStorage>(TestSilo.Store);
        _deleting = _silo.Services.GetRequiredKeyedService<IGrainStorage>(TestSilo.DeletingStore);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Writes_chain_on_the_returned_etag_and_reject_stale_or_missing_ones()
    {
        var id = NewStringKey();
        var state = New(1);
        await _store.WriteStateAsync(StateName, id, state);
        var first = state.ETag;
        Assert.NotNull(first);

        state.State!.Value = 2;
        await _store.WriteStateAsync(StateName, id, state);
        Assert.NotEqual(first, state.ETag);

        var stale = New(3);
        stale.ETag = first;
        await Assert.ThrowsAsync<InconsistentStateException>(() => _store.WriteStateAsync(StateName, id, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => _store.WriteStateAsync(StateName, id, New(4)));

        var read = New(0);
        await _store.ReadStateAsync(StateName, id, read);
        Assert.Equal(2, read.State!.Value);
        Assert.Equal(state.ETag, read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task Sixteen_concurrent_first_writes_have_one_winner_and_one_row()
    {
        for (var round = 0; round < 5; round++)
        {
            var id = NewStringKey();
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
            {
                try
                {
                    await _store.WriteStateAsync(StateName, id, New(i));
                    return true;
                }
                catch (InconsistentStateException)
                {
                    return false;
                }
            })));

            Assert.Equal(1, outcomes.Count(o => o));
            Assert.Equal(1L, await RowCountAsync(id.Key.ToString()!));
            var read = New(0);
            await _store.ReadStateAsync(StateName, id, read); // would throw on duplicate rows
            Assert.Equal("1", read.ETag);
        }
    }

    [Fact]
    public async Task Clear_keeps_a_cleared_row_whose_version_is_the_next_etag()
    {
        var id = NewStringKey();
        var state = New(5);
        await _store.WriteStateAsync(StateName, id, state);
        var written = state.ETag;

        await _store.ClearStateAsync(StateName, id, state);
        Assert.NotNull(state.ETag);
        Assert.NotEqual(written, state.ETag);

        var read = New(99);
        await _store.ReadStateAsync(StateName, id, read);
        Assert.False(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal(0, read.State!.Value);
        Assert.Null(await new QueryRunner(_silo.ConnectionString).ScalarAsync(
            "SELECT payloadbinary FROM orleansstorage WHERE grainidextensionstring = @k", Param.Text("k", id.Key.ToString())));

        read.State!.Value = 6;
        await _store.WriteStateAsync(StateName, id, read);
        Assert.Equal(1L, await RowCountAsync(id.Key.ToString()!));

        var stale = New(0);
        stale.ETag = written;
        await Assert.ThrowsAsync<InconsistentStateException>(() => _store.ClearStateAsync(StateName, id, stale));
    }

    [Fact]
    public async Task Clear_in_delete_mode_removes_the_row_and_a_null_etag_write_inserts_again()
    {
        var id = NewStringKey();
        var state = New(5);
        await _deleting.WriteStateAsync(StateName, id, state);
        var written = state.ETag;

        await _deleting.ClearStateAsync(StateName, id, state);
        Assert.Null(state.ETag);
        Assert.Equal(0L, await RowCountAsync(id.Key.ToString()!));

        var again = New(7);
        await _deleting.WriteStateAsync(StateName, id, again);
        Assert.Equal(1L, await RowCountAsync(id.Key.ToString()!));
        // A re-inserted row starts at version 1 again, so move past the old ETag before testing staleness.
        await _deleting.WriteStateAsync(StateName, id, again);
        Assert.NotEqual(written, again.ETag);

        var stale = New(0);
        stale.ETag = written;
        stale.RecordExists = true;
        await Assert.ThrowsAsync<InconsistentStateException>(() => _deleting.ClearStateAsync(StateName, id, stale));
        Assert.Equal(1L, await RowCountAsync(id.Key.ToString()!));
    }

    [Fact]
    public async Task Key_kinds_and_state_names_are_isolated()
    {
        var guid = Guid.NewGuid();
        var number = Random.Shared.NextInt64(1, long.MaxValue);
        var type = GrainType.Create("counter");
        var ids = new[]
        {
            GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid)),
            GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid, "ext")),
            GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(number)),
            GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(number, "ext")),
            GrainId.Create("counter", "wxid_" + guid.ToString("N")),
        };
        string[] names = ["counter", "profile"];

        var expected = new Dictionary<(GrainId, string), int>();
        var value = 1;
        foreach (var id in ids)
        {
            foreach (var name in names)
            {
                expected[(id, name)] = value;
                await _store.WriteStateAsync(name, id, New(value++));
            }
        }

        foreach (var ((id, name), v) in expected)
        {
            var read = New(0);
            await _store.ReadStateAsync(name, id, read);
            Assert.Equal(v, read.State!.Value);
            Assert.Equal("1", read.ETag);
        }
    }

    [Fact]
    public async Task A_state_of_six_kilobytes_is_stored_inline_not_in_toast_chunks()
    {
        var toast = new QueryRunner(_silo.ConnectionString);
        var table = (string)(await toast.ScalarAsync("SELECT reltoastrelid::regclass::text FROM pg_class WHERE relname = 'orleansstorage'"))!;
        var chunksBefore = (long)(await toast.ScalarAsync($"SELECT count(*) FROM {table}"))!;
        // Incompressible, about the inbox's redo tail at its budget: without the table's toast_tuple_target it is
        // tried for compression in vain, then cut into chunks.
        var note = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4_500));

        await _store.WriteStateAsync(StateName, NewStringKey(), new GrainState<CounterState>(new CounterState { Note = note }));

        Assert.Equal(chunksBefore, (long)(await toast.ScalarAsync($"SELECT count(*) FROM {table}"))!);
    }

    private static GrainId NewStringKey() => CounterStates.NewKey();

    private static GrainState<CounterState> New(int value) => CounterStates.New(value);

    private Task<object?> RowCountAsync(string stringKey) =>
        new QueryRunner(_silo.ConnectionString).ScalarAsync(
            "SELECT count(*) FROM orleansstorage WHERE grainidextensionstring = @k", Param.Text("k", stringKey));
}
