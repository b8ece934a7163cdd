using Orleans.Storage;

namespace OpenWxCluster.Persistence.Tests.Infrastructure;

/// <summary>
/// Both state-write batches a silo runs at once, each made to wait on a row lock held by another connection, so
/// writes made meanwhile queue for the next batch. Releasing the first lets one batch take the whole queue.
/// </summary>
internal sealed class HeldBatches : IAsyncDisposable
{
    private readonly RowLock _first;
    private readonly RowLock _second;
    private readonly Task _firstWrite;
    private readonly Task _secondWrite;

    private HeldBatches(RowLock first, RowLock second, Task firstWrite, Task secondWrite)
    {
        _first = first;
        _second = second;
        _firstWrite = firstWrite;
        _secondWrite = secondWrite;
    }

    public static async Task<HeldBatches> StartAsync(IGrainStorage storage, string connectionString, string stateName)
    {
        var (first, second) = (CounterStates.NewKey("held_"), CounterStates.NewKey("held_"));
        var firstState = CounterStates.New(1);
        var secondState = CounterStates.New(1);
        await storage.WriteStateAsync(stateName, first, firstState);
        await storage.WriteStateAsync(stateName, second, secondState);
        var firstLock = await RowLock.TakeAsync(connectionString, first.Key.ToString()!);
        var secondLock = await RowLock.TakeAsync(connectionString, second.Key.ToString()!);
        var waitersBefore = await RowLock.WaitersAsync(connectionString);
        var firstWrite = storage.WriteStateAsync(stateName, first, firstState);
        await RowLock.WaitForWaitersAsync(connectionString, waitersBefore + 1);
        var secondWrite = storage.WriteStateAsync(stateName, second, secondState);
        await RowLock.WaitForWaitersAsync(connectionString, waitersBefore + 2);
        return new HeldBatches(firstLock, secondLock, firstWrite, secondWrite);
    }

    public async Task ReleaseFirstAsync()
    {
        await _first.DisposeAsync();
        await _firstWrite;
    }

    public async Task ReleaseSecondAsync()
    {
        await _second.DisposeAsync();
        await _secondWrite;
    }

    public async ValueTask DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }
}
