
namespace OpenWxCluster.WebFront.Tests;

public sealed class FakeGroupsGrain : IGroupsGrain
{
    public IReadOnlyList<GroupInfo> Items { get; set; } = [];

    public Task<IReadOnlyList<GroupInfo>> GetAllAsync() => Task.FromResult(Items);

    public Task<IReadOnlyList<GroupInfo>> GetAllBasicAsync() =>
        Task.FromResult<IReadOnlyList<GroupInfo>>([.. Items.Select(g => g.Basic())]);

    public Task<IReadOnlyDictionary<string, string>> GetRolesOfAsync(string memberId) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(Items
            .Select(g => (g.Id, Member: g.Members.FirstOrDefault(m => m.Id == memberId)))
            .Where(x => x.Member is { Role.Length: > 0 })
            .ToDictionary(x => x.Id, x => x.Member!.Role, StringComparer.Ordinal));

    public Task<GroupInfo?> FindAsync(GroupLookup lookup) => Task.FromResult(Items.FirstOrDefault(lookup.Matches));

    public Task<IReadOnlyList<GroupInfo>> SearchAsync(GroupLookup lookup) =>
        Task.FromResult<IReadOnlyList<GroupInfo>>([.. Items.Where(lookup.Matches)]);

    public Task<IReadOnlyList<GroupInfo>> GetByIdsAsync(IReadOnlyList<string> ids) =>
        Task.FromResult<IReadOnlyList<GroupInfo>>([.. Items.Where(g => ids.Contains(g.Id))]);

    public Task ReplaceAsync(IReadOnlyList<GroupInfo> groups)
    {
        Items = groups;
        return Task.CompletedTask;
    }

    public Task<ContactChanges> ApplyAsync(IReadOnlyList<GroupInfo> modified, IReadOnlyList<string> deleted) =>
        Task.FromResult(ContactChanges.None);
}
