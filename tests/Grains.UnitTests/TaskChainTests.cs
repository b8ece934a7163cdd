using OpenWxCluster.Grains.Common;

namespace OpenWxCluster.Grains.UnitTests;

public sealed class TaskChainTests
{
    [Fact]
    public async Task Operations_run_one_after_another_in_call_order()
    {
        var chain = new TaskChain();
        var gate = new TaskCompletionSource();
        var log = new List<string>();
        var first = chain.RunAsync(async () =>
        {
            log.Add("first starts");
            await gate.Task;
            log.Add("first ends");
        });
        var second = chain.RunAsync(() =>
        {
            log.Add("second");
            return Task.CompletedTask;
        });

        Assert.Equal(["first starts"], log); // the second waits for the first
        gate.SetResult();
        await Task.WhenAll(first, second);
        Assert.Equal(["first starts", "first ends", "second"], log);
    }

    [Fact]
    public async Task A_failed_operation_fails_its_caller_and_the_next_one_still_runs()
    {
        var chain = new TaskChain();
        var failed = chain.RunAsync(() => throw new InvalidOperationException("boom"));
        var ran = false;
        var next = chain.RunAsync(() =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => failed);
        await next;
        Assert.True(ran);
    }
}
