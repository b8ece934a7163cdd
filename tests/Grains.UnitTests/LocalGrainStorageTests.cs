using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using OpenWxCluster.Grains.Events;
using OpenWxCluster.Grains.Hosting;

namespace OpenWxCluster.Grains.UnitTests;

/// <summary>
/// The embedded silo's storage keeps what was written apart from the grain's object, and refuses a write made with a
/// stale ETag as a database would (two activations of one grain must never both win).
/// </summary>
public sealed class LocalGrainStorageTests
{
    private static readonly GrainId Grain = GrainId.Create("inbox", "wx/local");

    [Fact]
    public async Task A_read_returns_what_was_written_not_what_the_grain_changed_later()
    {
        var storage = Storage();
        var written = new GrainState<InboxState>(new InboxState { LastSeq = 7, Dropped = 2 });
        await storage.WriteStateAsync("inbox", Grain, written);
        written.State!.LastSeq = 99;

        var read = new GrainState<InboxState>();
        await storage.ReadStateAsync("inbox", Grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(7, read.State!.LastSeq);
        Assert.Equal(2, read.State.Dropped);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        var storage = Storage();
        var first = new GrainState<InboxState>(new InboxState { LastSeq = 1 });
        await storage.WriteStateAsync("inbox", Grain, first);
        var stale = new GrainState<InboxState>(new InboxState { LastSeq = 5 }) { ETag = first.ETag };
        first.State!.LastSeq = 2;
        await storage.WriteStateAsync("inbox", Grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("inbox", Grain, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("inbox", Grain, new GrainState<InboxState>(new InboxState())));
        var read = new GrainState<InboxState>();
        await storage.ReadStateAsync("inbox", Grain, read);
        Assert.Equal(2, read.State!.LastSeq);
    }

    [Fact]
    public async Task A_cleared_or_never_written_state_reads_as_new()
    {
        var storage = Storage();
        var state = new GrainState<InboxState>(new InboxState { LastSeq = 3 });
        await storage.WriteStateAsync("inbox", Grain, state);
        await storage.ClearStateAsync("inbox", Grain, state);

        var read = new GrainState<InboxState>();
        await storage.ReadStateAsync("inbox", Grain, read);
        var other = new GrainState<InboxState>();
        await storage.ReadStateAsync("account", Grain, other);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal(0, read.State!.LastSeq);
        Assert.False(other.RecordExists);
    }

    private static LocalGrainStorage Storage()
    {
        var serializer = new ServiceCollection()
            .AddSerializer(builder => builder.AddAssembly(typeof(InboxState).Assembly))
            .BuildServiceProvider()
            .GetRequiredService<Serializer>();
        return new LocalGrainStorage(new OrleansGrainStorageSerializer(serializer));
    }
}
