using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;
using OpenWxCluster.Grains.Options;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// The cursor log on the AdoNet storage in real PostgreSQL: its segments (one row per slot) survive a restart of
/// the whole cluster, a new activation writes and clears rows it did not write itself (their ETags come from the
/// database), and the rows stay bounded by the capacity. The log is small (10 events in segments of 3).
/// </summary>
public sealed class PostgresCursorLogTests : IAsyncLifetime
{
    private PostgresWithEmulator _env = null!;

    public async Task InitializeAsync() => _env = await PostgresWithEmulator.StartAsync("cursor");

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task A_cursor_log_survives_a_cluster_restart_and_keeps_its_rows_bounded()
    {
        var serviceId = "cursor-" + Guid.NewGuid().ToString("N")[..8];
        var key = AccountKey.WeChatClient("pgcursor");

        await using (var first = await StartClusterAsync(serviceId))
        {
            var inbox = first.Client.GetGrain<IEventInboxGrain>(key);
            Assert.True((await inbox.PollCursorAsync(0, 100, TimeSpan.Zero)).IsEmpty);
            for (var seq = 1; seq <= 25; seq++)
            {
                await inbox.AcceptAsync([Event(key, seq)]);
            }
            // Ten retained (16..25), 1..15 dropped; the poll acknowledges up to 18.
            Assert.Equal([19L, 20L, 21L, 22L, 23L, 24L, 25L], Seqs(await inbox.PollCursorAsync(18, 100, TimeSpan.Zero)));
        }

        await using var second = await StartClusterAsync(serviceId);
        var again = second.Client.GetGrain<IEventInboxGrain>(key);
        var fromStart = await again.PollCursorAsync(0, 100, TimeSpan.Zero);
        Assert.Equal([19L, 20L, 21L, 22L, 23L, 24L, 25L], Seqs(fromStart));
        Assert.Equal((1L, 15L), (fromStart.Lost!.FirstSeq, fromStart.Lost.LastSeq));

        var lastTime = DateTimeOffset.MinValue;
        for (var seq = 26; seq <= 40; seq++)
        {
            var e = Event(key, seq);
            lastTime = e.Time;
            await again.AcceptAsync([e]);
        }
        // 19..40 is 22 for 10 places: 19..30 dropped, a new run since 18 was acknowledged after the first one.
        var later = await again.PollCursorAsync(25, 100, TimeSpan.Zero);
        Assert.Equal((26L, 30L), (later.Lost!.FirstSeq, later.Lost.LastSeq));
        Assert.Equal(Enumerable.Range(31, 10).Select(s => (long)s), Seqs(later));
        // state_change events only: no messages counted; the last event's time kept for the admin console.
        Assert.Equal(new InboxInfo(0, 40, 0, 0, 10, 27, 0, lastTime), await again.GetInfoAsync());
        // Ten events in segments of 3 (only the first and last partly filled) take 4 rows; freed ones were cleared.
        Assert.Equal(4, await CountSegmentRowsAsync());
    }

    private Task<InProcessTestCluster> StartClusterAsync(string serviceId) =>
        _env.StartClusterAsync(serviceId, silo => silo.Services.Configure<EventInboxOptions>(o =>
        {
            o.CursorCapacity = 10;
            o.CursorSegmentSize = 3;
        }));

    private async Task<long> CountSegmentRowsAsync()
    {
        await using var connection = new NpgsqlConnection(_env.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from orleansstorage where graintypestring like 'inbox-log-%' and payloadbinary is not null", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static AccountEvent Event(string key, long seq) => new()
    {
        AccountKey = key,
        Seq = seq,
        PostType = AccountEvent.EventPost,
        Event = "state_change",
        Time = DateTimeOffset.UtcNow,
    };

    private static List<long> Seqs(CursorBatch batch) => [.. batch.Events.Select(e => e.Seq)];
}
