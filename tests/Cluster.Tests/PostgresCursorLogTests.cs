using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;
using OpenWxCluster.Cluster.Tests.Inbox;
using OpenWxCluster.Grains.Events;
using OpenWxCluster.Grains.Options;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// The cursor log on the AdoNet storage in real PostgreSQL: its segments (one row per slot) survive a restart of
/// the whole cluster, a new activation writes and clears rows it did not write itself (their ETags come from the
/// database), the rows stay bounded by the capacity, and events saved only in the redo tail are replayed. The log is small (10 events in segments of 3).
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

        await using (var second = await StartClusterAsync(serviceId))
        {
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
            // Acknowledging saves the log: the rows holding events are exactly the saved index's segments (freed ones
            // cleared), and they hold what a poll answers.
            Assert.Equal(Enumerable.Range(36, 5).Select(s => (long)s), Seqs(await again.PollCursorAsync(35, 100, TimeSpan.Zero)));
            var saved = await SavedIndexAsync(second, again);
            Assert.Equal((35L, 40L, 5), (saved.Floor, saved.Segments[^1].LastSeq, saved.Segments.Sum(s => s.Count)));
            Assert.Equal(saved.Segments.Select(s => s.Slot).Order(), await SegmentRowSlotsAsync());

            // Events saved only in the inbox's redo tail come back after a restart.
            await again.AcceptAsync([Event(key, 41), Event(key, 42)]);
            Assert.Equal(40, (await SavedIndexAsync(second, again)).Segments[^1].LastSeq);
        }

        await using var third = await StartClusterAsync(serviceId);
        var restarted = third.Client.GetGrain<IEventInboxGrain>(key);
        Assert.Equal(Enumerable.Range(36, 7).Select(s => (long)s), Seqs(await restarted.PollCursorAsync(35, 100, TimeSpan.Zero)));
    }

    private static async Task<CursorLogState> SavedIndexAsync(InProcessTestCluster cluster, IEventInboxGrain inbox) =>
        (await SavedInbox.ReadAsync(cluster.Silos[0].ServiceProvider, inbox)).State.Cursor!;

    private Task<InProcessTestCluster> StartClusterAsync(string serviceId) =>
        _env.StartClusterAsync(serviceId, silo => silo.Services.Configure<EventInboxOptions>(o =>
        {
            o.CursorCapacity = 10;
            o.CursorSegmentSize = 3;
        }));

    private async Task<List<int>> SegmentRowSlotsAsync()
    {
        await using var connection = new NpgsqlConnection(_env.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select substr(graintypestring, 11)::int from orleansstorage where graintypestring like 'inbox-log-%' and payloadbinary is not null order by 1",
            connection);
        var slots = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            slots.Add(reader.GetInt32(0));
        }
        return slots;
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
