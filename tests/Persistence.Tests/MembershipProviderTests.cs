using Npgsql;
using Orleans.Runtime.MembershipService;
using OpenWxCluster.Persistence.Tests.Infrastructure;

namespace OpenWxCluster.Persistence.Tests;

/// <summary>Checklist 3-13 through the real <see cref="AdoNetClusteringTable"/> and gateway list provider.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MembershipProviderTests(PostgresFixture fixture) : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private string _cs = null!;

    public async Task InitializeAsync() => _cs = await fixture.DatabaseForAsync(GetType());

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Initialising_twice_is_fine_and_a_fresh_table_is_empty_at_version_0()
    {
        var (table, _) = await NewTableAsync();
        await table.InitializeMembershipTableAsync(true, None);

        var data = await table.ReadAllAsync(None);
        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.Equal("0", data.Version.VersionEtag);
    }

    [Fact]
    public async Task Insert_update_and_heartbeat_follow_the_version_rules()
    {
        var (table, _) = await NewTableAsync();
        var entry = Members.Entry(port: 1000);

        var v0 = (await table.ReadAllAsync(None)).Version;
        Assert.True(await table.InsertRowAsync(entry, v0.Next(), None));
        Assert.False(await table.InsertRowAsync(Members.Entry(port: 1001), v0.Next(), None)); // stale
        Assert.False(await table.InsertRowAsync(entry, (await table.ReadAllAsync(None)).Version.Next(), None)); // exists

        var read = await table.ReadRowAsync(entry.SiloAddress, None);
        Assert.Equal(1, read.Version.Version);
        var (stored, etag) = Assert.Single(read.Members);
        Assert.Equal(entry.SiloAddress, stored.SiloAddress);
        Assert.Equal(entry.SiloName, stored.SiloName);
        Assert.Equal(entry.HostName, stored.HostName);
        Assert.Equal(entry.StartTime, stored.StartTime);
        Assert.Equal(SiloStatus.Joining, stored.Status);

        stored.Status = SiloStatus.Active;
        stored.AddOrUpdateSuspector(Members.Entry(port: 1001).SiloAddress, Members.UtcNowMicros(), maxVotes: 2);
        Assert.True(await table.UpdateRowAsync(stored, etag, read.Version.Next(), None));
        Assert.False(await table.UpdateRowAsync(stored, etag, read.Version.Next(), None)); // stale

        var afterUpdate = await table.ReadAllAsync(None);
        Assert.Equal(2, afterUpdate.Version.Version);
        var updated = Assert.Single(afterUpdate.Members).Item1;
        Assert.Equal(SiloStatus.Active, updated.Status);
        Assert.Single(updated.SuspectTimes ?? []);

        updated.IAmAliveTime = Members.UtcNowMicros().AddSeconds(30);
        await table.UpdateIAmAliveAsync(updated, None);
        var afterHeartbeat = await table.ReadAllAsync(None);
        Assert.Equal(2, afterHeartbeat.Version.Version);
        Assert.Equal(updated.IAmAliveTime, Assert.Single(afterHeartbeat.Members).Item1.IAmAliveTime);
    }

    [Fact]
    public async Task Sixteen_silos_inserting_with_the_same_version_have_one_winner()
    {
        var (table, _) = await NewTableAsync();
        var version = (await table.ReadAllAsync(None)).Version.Next();

        var results = await Task.WhenAll(Enumerable.Range(2000, 16).Select(port => Task.Run(
            () => table.InsertRowAsync(Members.Entry(port), version, None))));

        Assert.Equal(1, results.Count(r => r));
        var data = await table.ReadAllAsync(None);
        Assert.Equal(1, data.Version.Version);
        Assert.Single(data.Members);
    }

    [Fact]
    public async Task Gateways_are_the_active_silos_with_a_proxy_port_of_this_cluster()
    {
        var (table, cluster) = await NewTableAsync();
        var (other, _) = await NewTableAsync();
        await InsertAsync(table, Members.Entry(3000, status: SiloStatus.Active, proxyPort: 4000));
        await InsertAsync(table, Members.Entry(3001, status: SiloStatus.Active, proxyPort: 0));
        await InsertAsync(table, Members.Entry(3002, status: SiloStatus.Joining, proxyPort: 4002));
        await InsertAsync(table, Members.Entry(3003, status: SiloStatus.Dead, proxyPort: 4003));
        await InsertAsync(table, Members.Entry(3004, generation: 7, status: SiloStatus.Active, proxyPort: 4004));
        await InsertAsync(other, Members.Entry(3005, status: SiloStatus.Active, proxyPort: 4005));

        var gateways = Providers.GatewayList(_cs, cluster);
        await gateways.InitializeGatewayListProviderAsync(None);
        var uris = await gateways.GetGatewaysAsync(None);

        // Address, proxy port and generation all come from the query's columns.
        var expected = new[] { (4000, 1), (4004, 7) }
            .Select(g => SiloAddress.New(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, g.Item1), g.Item2).ToGatewayUri())
            .Select(u => u.ToString());
        Assert.Equal(expected.Order(StringComparer.Ordinal), uris.Select(u => u.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Provider_cleanup_removes_only_old_dead_rows_and_keeps_the_version()
    {
        var (table, _) = await NewTableAsync();
        var old = Members.UtcNowMicros().AddDays(-10);
        foreach (var (port, status) in new[] { (5000, SiloStatus.Active), (5001, SiloStatus.Dead), (5002, SiloStatus.ShuttingDown) })
        {
            var entry = Members.Entry(port, status: status);
            entry.StartTime = old;
            entry.IAmAliveTime = old;
            await InsertAsync(table, entry);
        }

        await InsertAsync(table, Members.Entry(5003, status: SiloStatus.Dead)); // dead but recent
        var before = (await table.ReadAllAsync(None)).Version.Version;

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddDays(-1), None);

        var after = await table.ReadAllAsync(None);
        Assert.Equal(before, after.Version.Version);
        Assert.Equal([5000, 5002, 5003], after.Members.Select(m => m.Item1.SiloAddress.Endpoint.Port).Order());
    }

    [Fact]
    public async Task Times_round_trip_under_a_non_utc_session_time_zone()
    {
        var zoned = new NpgsqlConnectionStringBuilder(_cs) { Timezone = "America/New_York" }.ConnectionString;
        var cluster = Members.NewClusterId();
        var table = Providers.ClusteringTable(zoned, cluster);
        await table.InitializeMembershipTableAsync(true, None);
        var entry = Members.Entry(6000);
        entry.StartTime = new DateTime(2025, 3, 4, 3, 4, 5, DateTimeKind.Utc).AddTicks(1230);
        entry.IAmAliveTime = new DateTime(2025, 7, 1, 23, 59, 58, DateTimeKind.Utc);
        await InsertAsync(table, entry);

        var stored = Assert.Single((await table.ReadAllAsync(None)).Members).Item1;
        Assert.Equal(entry.StartTime, stored.StartTime);
        Assert.Equal(entry.IAmAliveTime, stored.IAmAliveTime);

        // And the stored instant is the same seen from a UTC session.
        var utc = new QueryRunner(new NpgsqlConnectionStringBuilder(_cs) { Timezone = "UTC" }.ConnectionString);
        var text = await utc.ScalarAsync(
            "SELECT to_char(starttime, 'YYYY-MM-DD HH24:MI:SS.US') FROM orleansmembershiptable WHERE deploymentid = @d",
            Param.Text("d", cluster));
        Assert.Equal("2025-03-04 03:04:05.000123", text);
    }

    private async Task<(AdoNetClusteringTable Table, string Cluster)> NewTableAsync()
    {
        var cluster = Members.NewClusterId();
        var table = Providers.ClusteringTable(_cs, cluster);
        await table.InitializeMembershipTableAsync(true, None);
        return (table, cluster);
    }

    private static async Task InsertAsync(AdoNetClusteringTable table, MembershipEntry entry)
    {
        var version = (await table.ReadAllAsync(None)).Version;
        Assert.True(await table.InsertRowAsync(entry, version.Next(), None));
    }
}
