namespace OpenWxCluster.Grains.Contacts;

/// <summary>All friends of one account, persisted so a reactivated account needs no new contact fetch.</summary>
[PreferLocalPlacement]
public sealed class FriendsGrain(
    [PersistentState("friends", OrleansNames.Storage)] IPersistentState<ContactBook<ContactInfo>> book)
    : ContactBookGrain<ContactInfo>(book), IFriendsGrain
{
    protected override string IdOf(ContactInfo item) => item.Id;

    protected override ContactChanges Describe(BookDiff<ContactInfo> diff) => ContactDiff.Friends(diff);

    public Task<IReadOnlyList<ContactInfo>> GetAllAsync() => All();

    public Task<ContactInfo?> FindAsync(FriendLookup lookup) => First(lookup.Matches);

    public Task<IReadOnlyList<ContactInfo>> SearchAsync(FriendLookup lookup) => Where(lookup.Matches);

    public Task<IReadOnlyList<ContactInfo>> GetByIdsAsync(IReadOnlyList<string> ids) => ByIds(ids);

    public Task ReplaceAsync(IReadOnlyList<ContactInfo> friends) => Replace(friends);

    public Task<ContactChanges> ApplyAsync(IReadOnlyList<ContactInfo> modified, IReadOnlyList<string> deleted) =>
        Apply(modified, deleted);
}
