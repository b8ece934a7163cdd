using OpenWxCluster.Persistence.Tests.Infrastructure;

namespace OpenWxCluster.Persistence.Tests;

/// <summary>Checklist 3-10 on the raw query texts, bound as the clustering provider binds them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MembershipQueryTests(PostgresFixture fixture) : IAsyncLifetime
{
    private QueryRunner _db = null!;

    public async Task InitializeAsync() => _db = new QueryRunner(await fixture.DatabaseForAsync(GetType()));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Version_row_insert_reports_true_then_false()
    {
        var cluster = Members.NewClusterId();
        Assert.True(await _db.ReadBoolAsync("InsertMembershipVersionKey", Param.Text("DeploymentId", cluster)));
        Assert.False(await _db.ReadBoolAsync("InsertMembershipVersionKey", Param.Text("DeploymentId", cluster)));
        Assert.Equal(0, await VersionAsync(cluster));
    }

    [Fact]
    public async Task Concurrent_version_row_inserts_give_exactly_one_true()
    {
        var cluster = Members.NewClusterId();
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(
            () => _db.ReadBoolAsync("InsertMembershipVersionKey", Param.Text("DeploymentId", cluster)))));
        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task Fresh_read_all_gives_one_version_only_row()
    {
        var cluster = await NewClusterAsync();
        var row = Assert.Single(await _db.ReadAsync("MembershipReadAllKey", Param.Text("DeploymentId", cluster)));
        Assert.Null(row["StartTime"]);
        Assert.Equal(0, row["Version"]);

        var single = Assert.Single(await _db.ReadAsync("MembershipReadRowKey", RowKey(cluster, 11111, 1)));
        Assert.Null(single["StartTime"]);
        Assert.Equal(0, single["Version"]);
    }

    [Fact]
    public async Task Insert_with_current_version_succeeds_and_bumps_by_one()
    {
        var cluster = await NewClusterAsync();
        Assert.True(await InsertAsync(cluster, port: 1, version: 0));
        Assert.Equal(1, await VersionAsync(cluster));
        Assert.True(await InsertAsync(cluster, port: 2, version: 1));
        Assert.Equal(2, await VersionAsync(cluster));

        var rows = await _db.ReadAsync("MembershipReadAllKey", Param.Text("DeploymentId", cluster));
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(2, r["Version"]));
        Assert.All(rows, r => Assert.Null(r["SuspectTimes"]));
    }

    [Fact]
    public async Task Insert_with_stale_version_returns_false_and_changes_nothing()
    {
        var cluster = await NewClusterAsync();
        Assert.True(await InsertAsync(cluster, port: 1, version: 0));

        Assert.False(await InsertAsync(cluster, port: 2, version: 0));
        Assert.False(await InsertAsync(cluster, port: 2, version: 5));

        Assert.Equal(1, await VersionAsync(cluster));
        Assert.Single(await _db.ReadAsync("MembershipReadAllKey", Param.Text("DeploymentId", cluster)));
    }

    [Fact]
    public async Task Insert_of_an_existing_silo_key_returns_false_without_bump()
    {
        var cluster = await NewClusterAsync();
        Assert.True(await InsertAsync(cluster, port: 1, version: 0));
        Assert.False(await InsertAsync(cluster, port: 1, version: 1));
        Assert.Equal(1, await VersionAsync(cluster));
    }

    [Fact]
    public async Task Concurrent_inserts_with_the_same_version_have_one_winner()
    {
        for (var round = 0; round < 10; round++)
        {
            var cluster = await NewClusterAsync();
            var results = await Task.WhenAll(Enumerable.Range(1, 16).Select(port => Task.Run(
                () => InsertAsync(cluster, port, version: 0))));

            Assert.Equal(1, results.Count(r => r));
            Assert.Equal(1, await VersionAsync(cluster));
            Assert.Equal(1L, await _db.ScalarAsync(
                "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = @d", Param.Text("d", cluster)));
        }
    }

    [Fact]
    public async Task Update_needs_current_version_and_an_existing_row()
    {
        var cluster = await NewClusterAsync();
        Assert.True(await InsertAsync(cluster, port: 1, version: 0));

        Assert.True(await UpdateAsync(cluster, port: 1, version: 1, status: 3, suspectTimes: "127.0.0.1:2@1,2025-01-01 00:00:00.000 GMT"));
        Assert.Equal(2, await VersionAsync(cluster));
        var row = Assert.Single(await _db.ReadAsync("MembershipReadRowKey", RowKey(cluster, 1, 1)));
        Assert.Equal(3, row["Status"]);
        Assert.Equal("127.0.0.1:2@1,2025-01-01 00:00:00.000 GMT", row["SuspectTimes"]);
        Assert.Equal("silo-1", row["SiloName"]);

        Assert.False(await UpdateAsync(cluster, port: 1, version: 1, status: 6, suspectTimes: null));
        Assert.False(await UpdateAsync(cluster, port: 99, version: 2, status: 6, suspectTimes: null));
        Assert.Equal(2, await VersionAsync(cluster));

        // A NULL SuspectTimes clears the votes.
        Assert.True(await UpdateAsync(cluster, port: 1, version: 2, status: 3, suspectTimes: null));
        row = Assert.Single(await _db.ReadAsync("MembershipReadRowKey", RowKey(cluster, 1, 1)));
        Assert.Null(row["SuspectTimes"]);
        Assert.Equal(3, row["Version"]);
    }

    [Fact]
    public async Task IAmAlive_changes_only_the_heartbeat()
    {
        var cluster = await NewClusterAsync();
        Assert.True(await InsertAsync(cluster, port: 1, version: 0));
        var later = Members.UtcNowMicros().AddMinutes(5);

        await _db.ExecAsync("UpdateIAmAlivetimeKey", [.. RowKey(cluster, 1, 1), Param.Time("IAmAliveTime", later)]);

        Assert.Equal(1, await VersionAsync(cluster));
        var row = Assert.Single(await _db.ReadAsync("MembershipReadRowKey", RowKey(cluster, 1, 1)));
        Assert.Equal(later, ((DateTime)row["IAmAliveTime"]!).ToUniversalTime());
    }

    private async Task<string> NewClusterAsync()
    {
        var cluster = Members.NewClusterId();
        Assert.True(await _db.ReadBoolAsync("InsertMembershipVersionKey", Param.Text("DeploymentId", cluster)));
        return cluster;
    }

    private async Task<int> VersionAsync(string cluster) =>
        (int)(await _db.ScalarAsync(
            "SELECT version FROM orleansmembershipversiontable WHERE deploymentid = @d", Param.Text("d", cluster)))!;

    private static Npgsql.NpgsqlParameter[] RowKey(string cluster, int port, int generation) =>
    [
        Param.Text("DeploymentId", cluster), Param.Text("Address", "127.0.0.1"),
        Param.Int("Port", port), Param.Int("Generation", generation),
    ];

    private Task<bool> InsertAsync(string cluster, int port, int version)
    {
        var now = Members.UtcNowMicros();
        return _db.ReadBoolAsync(
            "InsertMembershipKey",
            [
                .. RowKey(cluster, port, 1), Param.Text("SiloName", "silo-" + port), Param.Text("HostName", "host"),
                Param.Int("Status", 2), Param.Int("ProxyPort", 0), Param.Time("StartTime", now),
                Param.Time("IAmAliveTime", now), Param.Int("Version", version),
            ]);
    }

    private Task<bool> UpdateAsync(string cluster, int port, int version, int status, string? suspectTimes) =>
        _db.ReadBoolAsync(
            "UpdateMembershipKey",
            [
                .. RowKey(cluster, port, 1), Param.Int("Status", status), Param.Text("SuspectTimes", suspectTimes),
                Param.Time("IAmAliveTime", Members.UtcNowMicros()), Param.Int("Version", version),
            ]);
}
