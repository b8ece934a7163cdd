using OpenWxCluster.Grains.Account;

namespace OpenWxCluster.Grains.UnitTests.Account;

/// <summary>
/// The send lane on a one-turn-at-a-time scheduler (as in a grain): which sends are at the upstream at once, and in
/// what order, with every send held until the test lets it answer.
/// </summary>
public sealed class SendLaneTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly TurnScheduler _turns = new();
    private readonly List<string> _started = [];
    private readonly Dictionary<string, TaskCompletionSource<string>> _answers = [];
    private readonly Dictionary<string, Task<string>> _sends = [];
    private int _refused;

    [Fact]
    public void Sends_to_different_conversations_overlap_up_to_the_pipeline()
    {
        var lane = Lane(pipeline: 2);

        Queue(lane, "ann", "to ann");
        Queue(lane, "bob", "to bob");
        Queue(lane, "cat", "to cat");

        Assert.Equal(["to ann", "to bob"], _started);
        Answer("to ann");
        Assert.Equal(["to ann", "to bob", "to cat"], _started);
    }

    [Fact]
    public async Task One_conversations_sends_go_one_at_a_time_in_call_order()
    {
        var lane = Lane(pipeline: 4);

        Queue(lane, "ann", "ann 1");
        Queue(lane, "ann", "ann 2");
        Queue(lane, "bob", "bob 1");
        Queue(lane, "ann", "ann 3");

        Assert.Equal(["ann 1", "bob 1"], _started);
        Answer("bob 1");
        Assert.Equal(["ann 1", "bob 1"], _started);
        Answer("ann 1");
        Assert.True(_sends["ann 1"].IsCompletedSuccessfully);
        Assert.Equal("ann 1", await _sends["ann 1"]);
        Assert.Equal(["ann 1", "bob 1", "ann 2"], _started);
        Answer("ann 2");
        Assert.Equal(["ann 1", "bob 1", "ann 2", "ann 3"], _started);
        Answer("ann 3");
        Assert.Equal(0, lane.Pending);
    }

    [Fact]
    public void A_paced_send_waits_for_every_earlier_send_and_every_later_send_waits_for_it()
    {
        var lane = Lane(pipeline: 4);

        Queue(lane, "ann", "ann 1");
        Queue(lane, "bob", "paced", gap: TimeSpan.FromMilliseconds(1));
        Queue(lane, "cat", "cat 1");

        Assert.Equal(["ann 1"], _started);
        Answer("ann 1");
        Assert.Equal(["ann 1", "paced"], _started);
        Answer("paced");
        _turns.RunUntil(() => _started.Count == 3, Wait);
        Assert.Equal(["ann 1", "paced", "cat 1"], _started);
    }

    [Fact]
    public async Task A_failed_send_fails_its_caller_and_the_conversation_goes_on()
    {
        var lane = Lane(pipeline: 4);

        Queue(lane, "ann", "ann 1");
        Queue(lane, "ann", "ann 2");
        _turns.Run(() => _answers["ann 1"].TrySetException(new InvalidOperationException("upstream gone")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => _sends["ann 1"]);
        Assert.Equal(["ann 1", "ann 2"], _started);
        Answer("ann 2");
        Assert.True(_sends["ann 2"].IsCompletedSuccessfully);
        Assert.Equal("ann 2", await _sends["ann 2"]);
    }

    [Fact]
    public void A_full_lane_refuses_at_once_and_counts_the_refusal()
    {
        var lane = Lane(pipeline: 1, capacity: 2);

        Queue(lane, "ann", "ann 1");
        Queue(lane, "bob", "bob 1");
        var refused = _turns.Run(() => lane.TryRun("cat", () => Start("cat 1"), TimeSpan.Zero));

        Assert.Null(refused);
        Assert.Equal(1, _refused);
        Assert.Equal(2, lane.Pending);
    }

    private SendLane Lane(int pipeline, int capacity = 100) => new(capacity, pipeline, _ => { }, () => _refused++);

    /// <summary>Queues a send called <paramref name="name"/>; its caller's task is kept in <see cref="_sends"/>.</summary>
    private void Queue(SendLane lane, string conversation, string name, TimeSpan gap = default) =>
        _sends[name] = _turns.Run(() => lane.TryRun(conversation, () => Start(name), gap))!;

    private Task<string> Start(string name)
    {
        _started.Add(name);
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _answers[name] = answer;
        return answer.Task;
    }

    private void Answer(string name) => _turns.Run(() => _answers[name].TrySetResult(name));
}
