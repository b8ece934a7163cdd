using Npgsql;
using OpenWxCluster.Persistence.Tests.Infrastructure;

namespace OpenWxCluster.Persistence.Tests;

/// <summary>Checklist 14, 15 and 17 on the raw storage texts, bound as AdoNetGrainStorage binds them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StorageQueryTests(PostgresFixture fixture) : IAsyncLifetime
{
    private QueryRunner _db = null!;

    public async Task InitializeAsync() => _db = new QueryRunner(await fixture.DatabaseForAsync(GetType()));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Null_version_write_inserts_once_then_returns_one_null_row()
    {
        var key = Key("svc", n1: 7, ext: null);
        Assert.Equal(1, await WriteAsync(key, version: null, payload: [1]));

        var rows = await _db.ReadAsync("WriteToStorageKey", [.. key.Select(Clone), Param.Int("GrainStateVersion", null), Param.Bytes("PayloadBinary", [2])]);
        Assert.Null(Assert.Single(rows)["NewGrainStateVersion"]);

        Assert.Equal(2, await WriteAsync(key, version: 1, payload: [3]));
        Assert.Null(await WriteAsync(key, version: 1, payload: [4]));
        var row = Assert.Single(await _db.ReadAsync("ReadFromStorageKey", [.. key.Select(Clone)]));
        Assert.Equal(new byte[] { 3 }, row["PayloadBinary"]);
        Assert.Equal(2, row["Version"]);
    }

    [Fact]
    public async Task Concurrent_first_writes_give_one_row_and_one_winner_per_key()
    {
        var keys = Enumerable.Range(0, 50).Select(i => Key("race", n1: 0, ext: "grain-" + Guid.NewGuid().ToString("N"))).ToArray();
        var results = await Task.WhenAll(keys.SelectMany(k => Enumerable.Range(0, 16).Select(_ => Task.Run(
            async () => (Key: k, Version: await WriteAsync(k, version: null, payload: [9]))))));

        foreach (var group in results.GroupBy(r => r.Key))
        {
            Assert.Equal(1, group.Count(r => r.Version is not null));
            Assert.Single(await _db.ReadAsync("ReadFromStorageKey", [.. group.Key.Select(Clone)]));
        }
    }

    [Fact]
    public async Task Service_ids_extensions_and_numeric_halves_are_distinct_identities()
    {
        NpgsqlParameter[][] keys =
        [
            Key("svc-a", n1: 1, ext: null),
            Key("svc-b", n1: 1, ext: null),
            Key("svc-a", n1: 1, ext: "x"),
            Key("svc-a", n1: 2, ext: null),
            Key("svc-a", n1: 1, ext: null, n0: 5),
            Key("svc-a", n1: 1, ext: null, type: "other"),
        ];
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(1, await WriteAsync(keys[i], version: null, payload: [(byte)i]));
        }

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(new[] { (byte)i }, Assert.Single(await _db.ReadAsync("ReadFromStorageKey", [.. keys[i].Select(Clone)]))["PayloadBinary"]);
        }
    }

    [Fact]
    public async Task Hashes_are_not_part_of_the_identity()
    {
        var key = Key("svc-hash", n1: 3, ext: "e");
        Assert.Equal(1, await WriteAsync(key, version: null, payload: [1]));
        // Same identity, different hashes (another hasher): still the same row.
        var rehashed = key.Select(p => p.ParameterName switch
        {
            "GrainTypeHash" => Param.Int("GrainTypeHash", 123),
            "GrainIdHash" => Param.Int("GrainIdHash", 456),
            _ => Clone(p),
        }).ToArray();
        Assert.Single(await _db.ReadAsync("ReadFromStorageKey", [.. rehashed.Select(Clone)]));
        Assert.Equal(2, await WriteAsync(rehashed, version: 1, payload: [2]));
    }

    [Fact]
    public async Task Versions_wrap_within_int32_and_always_change()
    {
        var key = Key("svc-wrap", n1: 4, ext: null);
        Assert.Equal(1, await WriteAsync(key, version: null, payload: [1]));
        await _db.SqlAsync("UPDATE orleansstorage SET version = 2147483647 WHERE serviceid = 'svc-wrap'");

        Assert.Equal(1, await WriteAsync(key, version: int.MaxValue, payload: [2]));
    }

    [Fact]
    public async Task Clear_and_delete_report_conflicts_as_the_provider_expects()
    {
        var key = Key("svc-clear", n1: 5, ext: null);
        Assert.Equal(1, await WriteAsync(key, version: null, payload: [1]));

        Assert.Null(Assert.Single(await ClearAsync("ClearStorageKey", key, version: 9))[0]);
        Assert.Null(Assert.Single(await ClearAsync("ClearStorageKey", key, version: null))[0]);
        Assert.Equal(2, Assert.Single(await ClearAsync("ClearStorageKey", key, version: 1))[0]);
        var cleared = Assert.Single(await _db.ReadAsync("ReadFromStorageKey", [.. key.Select(Clone)]));
        Assert.Null(cleared["PayloadBinary"]);

        Assert.Null(Assert.Single(await ClearAsync("DeleteStorageKey", key, version: 1))[0]);
        Assert.Equal(3L, Assert.Single(await ClearAsync("DeleteStorageKey", key, version: 2))[0]);
        Assert.Empty(await _db.ReadAsync("ReadFromStorageKey", [.. key.Select(Clone)]));
        // Nothing left to clear: no row at all, which a grain without an ETag treats as success.
        Assert.Empty(await ClearAsync("ClearStorageKey", key, version: null));
        Assert.Empty(await ClearAsync("DeleteStorageKey", key, version: 2));
    }

    private static NpgsqlParameter Clone(NpgsqlParameter p) => new(p.ParameterName, p.NpgsqlDbType) { Value = p.Value };

    private static NpgsqlParameter[] Key(string service, long n1, string? ext, long n0 = 0, string type = "state") =>
    [
        Param.Text("ServiceId", service), Param.Text("GrainTypeString", type), Param.Int("GrainTypeHash", type.Length),
        Param.Long("GrainIdN0", n0), Param.Long("GrainIdN1", n1), Param.Text("GrainIdExtensionString", ext),
        Param.Int("GrainIdHash", (int)n1),
    ];

    private async Task<int?> WriteAsync(NpgsqlParameter[] key, int? version, byte[] payload)
    {
        var rows = await _db.ReadAsync(
            "WriteToStorageKey",
            [.. key.Select(Clone), Param.Int("GrainStateVersion", version), Param.Bytes("PayloadBinary", payload)]);
        return (int?)Assert.Single(rows)["NewGrainStateVersion"];
    }

    private async Task<List<object?[]>> ClearAsync(string queryKey, NpgsqlParameter[] key, int? version)
    {
        var rows = await _db.ReadAsync(queryKey, [.. key.Select(Clone), Param.Int("GrainStateVersion", version)]);
        return rows.Select(r => r.Values.ToArray()).ToList();
    }
}
