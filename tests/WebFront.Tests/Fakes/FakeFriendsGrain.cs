
namespace OpenWxCluster.WebFront.Tests;

public sealed class FakeFriendsGrain : IFriendsGrain
{
    public IReadOnlyList<ContactInfo> Items { get; set; } = [];
    public int GetAllCalls { get; private set; }
    public int SearchCalls { get; private set; }

    public Task<IReadOnlyList<ContactInfo>> GetAllAsync()
    {
        GetAllCalls++;
        return Task.FromResult(Items);
    }

    public Task<ContactInfo?> FindAsync(FriendLookup lookup) => Task.FromResult(Items.FirstOrDefault(lookup.Matches));

    public Task<IReadOnlyList<ContactInfo>> SearchAsync(FriendLookup lookup)
    {
        SearchCalls++;
        return Task.FromResult<IReadOnlyList<ContactInfo>>([.. Items.Where(lookup.Matches)]);
    }

    public Task<IReadOnlyList<ContactInfo>> GetByIdsAsync(IReadOnlyList<string> ids) =>
        Task.FromResult<IReadOnlyList<ContactInfo>>([.. Items.Where(f => ids.Contains(f.Id))]);

    public Task ReplaceAsync(IReadOnlyList<ContactInfo> friends)
    {
        Items = friends;
        return Task.CompletedTask;
    }

    public Task<ContactChanges> ApplyAsync(IReadOnlyList<ContactInfo> modified, IReadOnlyList<string> deleted) =>
        Task.FromResult(ContactChanges.None);
}
