namespace OpenWxCluster.Persistence.Tests.Grains;

/// <summary>A persistent counter with a reminder, used to drive the AdoNet providers through a real silo.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    Task<int> Get();

    /// <summary>Deactivates after this call so the next call reloads state from PostgreSQL.</summary>
    Task Deactivate();

    Task<Guid> ActivationId();

    Task StartReminder(string name, TimeSpan due, TimeSpan period);

    Task<int> ReminderTicks(string name);
}
