using Npgsql;
using OpenWxCluster.Persistence.Tests.Infrastructure;

namespace OpenWxCluster.Persistence.Tests;

/// <summary>Checklist 12 on the raw cleanup texts: the bulk key and the optional per-row key.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MembershipCleanupQueryTests(PostgresFixture fixture) : IAsyncLifetime
{
    private static readonly DateTime Old = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private QueryRunner _db = null!;

    public async Task InitializeAsync() => _db = new QueryRunner(await fixture.DatabaseForAsync(GetType()));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Bulk_cleanup_never_removes_active_rows_nor_bumps_the_version()
    {
        var cluster = await ClusterWithAsync((1, 3), (2, 6), (3, 4), (4, 5));
        var version = await VersionAsync(cluster);

        await _db.ExecAsync(
            "CleanupDefunctSiloEntriesKey", Param.Text("DeploymentId", cluster), Param.Time("IAmAliveTime", Old.AddDays(1)));

        Assert.Equal(version, await VersionAsync(cluster));
        Assert.Equal(new[] { 1, 3, 4 }, await PortsAsync(cluster));
    }

    [Fact]
    public async Task Bulk_cleanup_keeps_rows_newer_than_the_cutoff()
    {
        var cluster = await ClusterWithAsync((1, 6));
        await _db.ExecAsync(
            "CleanupDefunctSiloEntriesKey", Param.Text("DeploymentId", cluster), Param.Time("IAmAliveTime", Old));
        Assert.Equal(new[] { 1 }, await PortsAsync(cluster));
    }

    [Fact]
    public async Task Per_row_cleanup_deletes_an_unchanged_dead_row_only()
    {
        var cluster = await ClusterWithAsync((1, 6), (2, 6), (3, 6), (4, 3));
        var version = await VersionAsync(cluster);
        // Rows 2 and 3 change after the provider captured them; row 4 is Active.
        await _db.SqlAsync("UPDATE orleansmembershiptable SET iamalivetime = iamalivetime + interval '1 second' WHERE deploymentid = @d AND port = 2", Param.Text("d", cluster));
        await _db.SqlAsync("UPDATE orleansmembershiptable SET suspecttimes = 'x' WHERE deploymentid = @d AND port = 3", Param.Text("d", cluster));

        foreach (var port in new[] { 1, 2, 3, 4 })
        {
            await _db.ExecAsync("CleanupDefunctSiloEntryKey", Captured(cluster, port));
        }

        Assert.Equal(new[] { 2, 3, 4 }, await PortsAsync(cluster));
        Assert.Equal(version, await VersionAsync(cluster));
    }

    [Fact]
    public async Task Delete_entries_removes_the_members_but_never_lowers_the_version()
    {
        var cluster = await ClusterWithAsync((1, 3), (2, 6));
        await _db.ExecAsync("DeleteMembershipTableEntriesKey", Param.Text("DeploymentId", cluster));

        Assert.Empty(await PortsAsync(cluster));
        Assert.Equal(2, await VersionAsync(cluster));
        Assert.False(await _db.ReadBoolAsync("InsertMembershipVersionKey", Param.Text("DeploymentId", cluster)));
    }

    private async Task<string> ClusterWithAsync(params (int Port, int Status)[] rows)
    {
        var cluster = Members.NewClusterId();
        Assert.True(await _db.ReadBoolAsync("InsertMembershipVersionKey", Param.Text("DeploymentId", cluster)));
        var version = 0;
        foreach (var (port, status) in rows)
        {
            Assert.True(await _db.ReadBoolAsync(
                "InsertMembershipKey",
                Param.Text("DeploymentId", cluster), Param.Text("Address", "10.0.0.1"), Param.Int("Port", port),
                Param.Int("Generation", 1), Param.Text("SiloName", "s"), Param.Text("HostName", "h"),
                Param.Int("Status", status), Param.Int("ProxyPort", 0), Param.Time("StartTime", Old),
                Param.Time("IAmAliveTime", Old), Param.Int("Version", version++)));
        }

        return cluster;
    }

    private static NpgsqlParameter[] Captured(string cluster, int port) =>
    [
        Param.Text("DeploymentId", cluster), Param.Text("Address", "10.0.0.1"), Param.Int("Port", port),
        Param.Int("Generation", 1), Param.Text("SuspectTimes", null), Param.Time("StartTime", Old),
        Param.Time("IAmAliveTime", Old),
    ];

    private async Task<int> VersionAsync(string cluster) =>
        (int)(await _db.ScalarAsync(
            "SELECT version FROM orleansmembershipversiontable WHERE deploymentid = @d", Param.Text("d", cluster)))!;

    private async Task<int[]> PortsAsync(string cluster) =>
        (int[])(await _db.ScalarAsync(
            "SELECT coalesce(array_agg(port ORDER BY port), '{}') FROM orleansmembershiptable WHERE deploymentid = @d",
            Param.Text("d", cluster)))!;
}
