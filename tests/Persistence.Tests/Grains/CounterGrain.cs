using OpenWxCluster.Persistence.Tests.Infrastructure;

namespace OpenWxCluster.Persistence.Tests.Grains;

public sealed class CounterGrain(
    [PersistentState("counter", TestSilo.Store)] IPersistentState<CounterState> state)
    : Grain, ICounterGrain, IRemindable
{
    private readonly Guid _activationId = Guid.NewGuid();

    public async Task<int> Increment()
    {
        state.State.Value++;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<int> Get() => Task.FromResult(state.State.Value);

    public Task Deactivate()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<Guid> ActivationId() => Task.FromResult(_activationId);

    public Task StartReminder(string name, TimeSpan due, TimeSpan period) =>
        this.RegisterOrUpdateReminder(name, due, period);

    public Task<int> ReminderTicks(string name) => Task.FromResult(ReminderLog.Count(this.GetPrimaryKeyString(), name));

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ReminderLog.Record(this.GetPrimaryKeyString(), reminderName);
        return Task.CompletedTask;
    }
}
