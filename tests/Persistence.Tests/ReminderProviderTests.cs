using Microsoft.Extensions.DependencyInjection;
using OpenWxCluster.Persistence.Tests.Infrastructure;

namespace OpenWxCluster.Persistence.Tests;

/// <summary>Checklist 18-20 through the real AdoNet reminder table of a running silo.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReminderProviderTests(PostgresFixture fixture) : IAsyncLifetime
{
    private IReminderTable _table = null!;

    public async Task InitializeAsync() => _table = (await fixture.SiloAsync()).Services.GetRequiredService<IReminderTable>();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_upsert_changes_the_etag_and_delete_needs_the_current_one()
    {
        var entry = Entry(NewGrain(), "r", TimeSpan.FromMinutes(1));
        var first = Assert.IsType<string>(await _table.UpsertRow(entry));
        var second = Assert.IsType<string>(await _table.UpsertRow(entry));
        Assert.NotEqual(first, second);

        Assert.False(await _table.RemoveRow(entry.GrainId, "r", first));
        Assert.NotNull(await _table.ReadRow(entry.GrainId, "r"));
        Assert.True(await _table.RemoveRow(entry.GrainId, "r", second));
        Assert.Null(await _table.ReadRow(entry.GrainId, "r"));
    }

    [Fact]
    public async Task Ranges_partitioning_the_ring_return_each_reminder_once()
    {
        var grains = Enumerable.Range(0, 64).Select(_ => NewGrain()).ToArray();
        foreach (var grain in grains)
        {
            await _table.UpsertRow(Entry(grain, "ring", TimeSpan.FromMinutes(5)));
        }

        // Boundaries cross both the signed sign change (0x80000000) and the unsigned wrap (0).
        uint[] bounds = [0x0000_0000, 0x4000_0000, 0x8000_0000, 0xC000_0000];
        var seen = new List<string>();
        for (var i = 0; i < bounds.Length; i++)
        {
            var data = await _table.ReadRows(bounds[i], bounds[(i + 1) % bounds.Length]);
            seen.AddRange(data.Reminders.Select(r => r.GrainId + "/" + r.ReminderName));
        }

        var whole = (await _table.ReadRows(0x1234_5678, 0x1234_5678)).Reminders.Select(r => r.GrainId + "/" + r.ReminderName).ToList();
        Assert.Equal(whole.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        foreach (var grain in grains)
        {
            Assert.Single(seen, s => s == grain + "/ring");
        }
    }

    [Fact]
    public async Task Periods_beyond_int32_milliseconds_round_trip()
    {
        var entry = Entry(NewGrain(), "long", TimeSpan.FromDays(40));
        await _table.UpsertRow(entry);

        var read = Assert.IsType<ReminderEntry>(await _table.ReadRow(entry.GrainId, "long"));
        Assert.Equal(TimeSpan.FromDays(40), read.Period);
        Assert.Equal(entry.StartAt, read.StartAt);
        Assert.Equal(entry.GrainId, Assert.Single((await _table.ReadRows(entry.GrainId)).Reminders).GrainId);
    }

    [Fact]
    public async Task Concurrent_upserts_of_one_reminder_all_succeed_with_distinct_etags()
    {
        var entry = Entry(NewGrain(), "race", TimeSpan.FromMinutes(1));
        var etags = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => _table.UpsertRow(entry))));

        Assert.Equal(16, etags.Distinct(StringComparer.Ordinal).Count());
        Assert.Single((await _table.ReadRows(entry.GrainId)).Reminders);
    }

    private static GrainId NewGrain() => GrainId.Create("counter", "rem_" + Guid.NewGuid().ToString("N"));

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan period) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = Members.UtcNowMicros(),
        Period = period,
    };
}
