namespace OpenWxCluster.Grains.Registry;

/// <summary>One shard of the started-accounts set (see <see cref="IAccountRegistryGrain"/>).</summary>
public sealed class AccountRegistryGrain(
    [PersistentState("registry", OrleansNames.Storage)] IPersistentState<RegistryState> state)
    : Grain, IAccountRegistryGrain
{
    public async Task AddAsync(string accountKey)
    {
        if (state.State.Accounts.Add(accountKey))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task RemoveAsync(string accountKey)
    {
        if (state.State.Accounts.Remove(accountKey))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Accounts.Order(StringComparer.Ordinal)]);
}
