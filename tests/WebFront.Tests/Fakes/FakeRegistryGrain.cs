using System.Collections.Concurrent;

namespace OpenWxCluster.WebFront.Tests;

public sealed class FakeRegistryGrain : IAccountRegistryGrain
{
    public ConcurrentBag<string> Keys { get; } = [];

    public Task AddAsync(string accountKey)
    {
        Keys.Add(accountKey);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string accountKey) => Task.CompletedTask;

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>([.. Keys]);
}
