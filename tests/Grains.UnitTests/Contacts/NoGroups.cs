namespace OpenWxCluster.Grains.UnitTests.Contacts;

/// <summary>A groups grain these tests must not reach.</summary>
internal sealed class NoGroups : IGroupsGrain
{
    public Task<IReadOnlyList<GroupInfo>> GetAllAsync() => throw new NotSupportedException();

    public Task<IReadOnlyList<GroupInfo>> GetAllBasicAsync() => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<string, string>> GetRolesOfAsync(string memberId) => throw new NotSupportedException();

    public Task<GroupInfo?> FindAsync(GroupLookup lookup) => throw new NotSupportedException();

    public Task<IReadOnlyList<GroupInfo>> SearchAsync(GroupLookup lookup) => throw new NotSupportedException();

    public Task<IReadOnlyList<GroupInfo>> GetByIdsAsync(IReadOnlyList<string> ids) => throw new NotSupportedException();

    public Task ReplaceAsync(IReadOnlyList<GroupInfo> groups) => throw new NotSupportedException();

    public Task<ContactChanges> ApplyAsync(IReadOnlyList<GroupInfo> modified, IReadOnlyList<string> deleted) =>
        throw new NotSupportedException();
}
