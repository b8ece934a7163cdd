namespace OpenWxCluster.Grains.Contacts;

/// <summary>All groups (with members) of one account, persisted so a reactivated account needs no new contact fetch.</summary>
[PreferLocalPlacement]
public sealed class GroupsGrain(
    [PersistentState("groups", OrleansNames.Storage)] IPersistentState<ContactBook<GroupInfo>> book)
    : ContactBookGrain<GroupInfo>(book), IGroupsGrain
{
    private IReadOnlyList<GroupInfo>? _basicOf;
    private ContactSnapshot<GroupInfo>? _basic;

    protected override string IdOf(GroupInfo item) => item.Id;

    protected override GroupInfo Merge(GroupInfo known, GroupInfo update) => ContactDiff.MergeGroup(known, update);

    protected override ContactChanges Describe(BookDiff<GroupInfo> diff) => ContactDiff.Groups(diff);

    public Task<IReadOnlyList<GroupInfo>> GetAllAsync() => All();

    /// <summary>Derived from the book's snapshot and kept with it, so in-silo readers get one object until the book changes.</summary>
    public async Task<IReadOnlyList<GroupInfo>> GetAllBasicAsync()
    {
        var all = await All();
        if (!ReferenceEquals(_basicOf, all))
        {
            _basic = new([.. all.Select(g => g.Basic())]);
            _basicOf = all;
        }
        return _basic!;
    }

    public async Task<IReadOnlyDictionary<string, string>> GetRolesOfAsync(string memberId)
    {
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in await All())
        {
            if (group.Members.FirstOrDefault(m => m.Id == memberId) is { Role.Length: > 0 } member)
            {
                roles[group.Id] = member.Role;
            }
        }
        return roles;
    }

    public Task<GroupInfo?> FindAsync(GroupLookup lookup) => First(lookup.Matches);

    public Task<IReadOnlyList<GroupInfo>> SearchAsync(GroupLookup lookup) => Where(lookup.Matches);

    public Task<IReadOnlyList<GroupInfo>> GetByIdsAsync(IReadOnlyList<string> ids) => ByIds(ids);

    public Task ReplaceAsync(IReadOnlyList<GroupInfo> groups) => Replace(groups);

    public Task<ContactChanges> ApplyAsync(IReadOnlyList<GroupInfo> modified, IReadOnlyList<string> deleted) =>
        Apply(modified, deleted);
}
