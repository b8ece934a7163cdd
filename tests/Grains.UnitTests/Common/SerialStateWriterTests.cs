using OpenWxCluster.Grains.Common;

namespace OpenWxCluster.Grains.UnitTests.Common;

public sealed class SerialStateWriterTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly List<(int State, TaskCompletionSource Done)> _writes = [];
    private int _state;
    private readonly SerialStateWriter _writer;

    public SerialStateWriterTests() => _writer = new SerialStateWriter(() =>
    {
        // What a storage write saves: the state as it is when the write starts.
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _writes.Add((_state, done));
        return done.Task;
    });

    [Fact]
    public async Task Requests_made_while_a_write_waits_its_turn_share_one_write_that_saves_all_their_changes()
    {
        _state = 1;
        var first = _writer.WriteAsync();
        _state = 2;
        var second = _writer.WriteAsync();
        _state = 3;
        var third = _writer.WriteAsync();

        Assert.Equal([1], _writes.Select(w => w.State));
        _writes[0].Done.SetResult();
        await first.WaitAsync(Wait);
        await Eventually(() => _writes.Count == 2);
        Assert.False(second.IsCompleted);
        _writes[1].Done.SetResult();
        await Task.WhenAll(second, third).WaitAsync(Wait);

        Assert.Equal([1, 3], _writes.Select(w => w.State));
    }

    [Fact]
    public async Task A_request_after_the_queued_write_started_gets_a_write_of_its_own()
    {
        var first = _writer.WriteAsync();
        _writes[0].Done.SetResult();
        await first.WaitAsync(Wait);

        _state = 5;
        var second = _writer.WriteAsync();
        _state = 6;
        var third = _writer.WriteAsync();

        Assert.Equal([0, 5], _writes.Select(w => w.State));
        Assert.False(third.IsCompleted);
        _writes[1].Done.SetResult();
        await second.WaitAsync(Wait);
        await Eventually(() => _writes.Count == 3);
        Assert.Equal(6, _writes[2].State);
        _writes[2].Done.SetResult();
        await third.WaitAsync(Wait);
    }

    [Fact]
    public async Task A_failed_write_fails_every_request_it_carried_and_the_next_write_still_runs()
    {
        var first = _writer.WriteAsync();
        var second = _writer.WriteAsync();
        var third = _writer.WriteAsync();
        _writes[0].Done.SetResult();
        await first.WaitAsync(Wait);
        await Eventually(() => _writes.Count == 2);
        _writes[1].Done.SetException(new InvalidOperationException("storage down"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => second.WaitAsync(Wait));
        await Assert.ThrowsAsync<InvalidOperationException>(() => third.WaitAsync(Wait));
        var fourth = _writer.WriteAsync();
        await Eventually(() => _writes.Count == 3);
        _writes[2].Done.SetResult();
        await fourth.WaitAsync(Wait);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(5);
        }
        Assert.True(condition());
    }
}
