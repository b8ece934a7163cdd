using OpenWxCluster.Persistence.Tests.Infrastructure;

namespace OpenWxCluster.Persistence.Tests;

/// <summary>Checklist 19 and 20 on the raw reminder texts with hand-picked signed hashes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReminderQueryTests(PostgresFixture fixture) : IAsyncLifetime
{
    private static readonly int[] Hashes = [int.MinValue, -1_000_000, -1, 0, 1, 1_000_000, int.MaxValue];
    private QueryRunner _db = null!;

    public async Task InitializeAsync() => _db = new QueryRunner(await fixture.DatabaseForAsync(GetType()));

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(-1, 1, "ReadRangeRows1Key", new[] { 0, 1 })]
    [InlineData(int.MinValue, -1, "ReadRangeRows1Key", new[] { -1_000_000, -1 })]
    [InlineData(1, -1, "ReadRangeRows2Key", new[] { int.MinValue, -1_000_000, -1, 1_000_000, int.MaxValue })]
    [InlineData(0, 0, "ReadRangeRows2Key", new[] { int.MinValue, -1_000_000, -1, 0, 1, 1_000_000, int.MaxValue })]
    public async Task Ranges_compare_signed_hashes_as_bound(int begin, int end, string key, int[] expected)
    {
        var service = await SeedAsync();
        var rows = await _db.ReadAsync(key, Param.Text("ServiceId", service), Param.Int("BeginHash", begin), Param.Int("EndHash", end));
        var hashes = rows.Select(r => int.Parse(((string)r["GrainId"]!)["g/".Length..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, hashes.Order());
    }

    [Fact]
    public async Task Upsert_bumps_the_version_and_updates_every_field()
    {
        var service = "svc-" + Guid.NewGuid().ToString("N");
        var start = Members.UtcNowMicros();
        Assert.Equal(0, await UpsertAsync(service, "g/1", 5, start, 60_000));
        Assert.Equal(1, await UpsertAsync(service, "g/1", 6, start.AddHours(1), 3_000_000_000L));

        var row = Assert.Single(await _db.ReadAsync(
            "ReadReminderRowKey", Param.Text("ServiceId", service), Param.Text("GrainId", "g/1"), Param.Text("ReminderName", "r")));
        Assert.Equal(3_000_000_000L, row["Period"]);
        Assert.Equal(start.AddHours(1), ((DateTime)row["StartTime"]!).ToUniversalTime());
        Assert.Equal(6, await _db.ScalarAsync("SELECT grainhash FROM orleansreminderstable WHERE serviceid = @s", Param.Text("s", service)));

        Assert.False(await _db.ReadBoolAsync("DeleteReminderRowKey", Param.Text("ServiceId", service), Param.Text("GrainId", "g/1"), Param.Text("ReminderName", "r"), Param.Int("Version", 0)));
        Assert.True(await _db.ReadBoolAsync("DeleteReminderRowKey", Param.Text("ServiceId", service), Param.Text("GrainId", "g/1"), Param.Text("ReminderName", "r"), Param.Int("Version", 1)));
    }

    [Fact]
    public async Task Delete_all_rows_is_scoped_to_the_service()
    {
        var mine = await SeedAsync();
        var other = await SeedAsync();
        await _db.ExecAsync("DeleteReminderRowsKey", Param.Text("ServiceId", mine));
        Assert.Equal(0L, await _db.ScalarAsync("SELECT count(*) FROM orleansreminderstable WHERE serviceid = @s", Param.Text("s", mine)));
        Assert.Equal((long)Hashes.Length, await _db.ScalarAsync("SELECT count(*) FROM orleansreminderstable WHERE serviceid = @s", Param.Text("s", other)));
    }

    private async Task<string> SeedAsync()
    {
        var service = "svc-" + Guid.NewGuid().ToString("N");
        foreach (var hash in Hashes)
        {
            await UpsertAsync(service, "g/" + hash.ToString(System.Globalization.CultureInfo.InvariantCulture), hash, Members.UtcNowMicros(), 60_000);
        }

        return service;
    }

    // Period is bound as int up to int.MaxValue and as long above it, like the provider does.
    private async Task<int> UpsertAsync(string service, string grain, int hash, DateTime start, long period)
    {
        var rows = await _db.ReadAsync(
            "UpsertReminderRowKey",
            Param.Text("ServiceId", service), Param.Int("GrainHash", hash), Param.Text("GrainId", grain),
            Param.Text("ReminderName", "r"), Param.Time("StartTime", start),
            period <= int.MaxValue ? Param.Int("Period", (int)period) : Param.Long("Period", period));
        return (int)rows[0]["Version"]!;
    }
}
