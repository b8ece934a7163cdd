namespace OpenWxCluster.Contracts;

/// <summary>
/// Child grain of an account (same key) caching all its friends. One grain per account, not one per friend:
/// reading 5,000 friends is one call, and per-session UserNames would make per-friend keys churn at every login.
/// </summary>
[Alias("openwx.IFriendsGrain")]
public interface IFriendsGrain : IGrainWithStringKey
{
    [Alias("GetAll"), ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<ContactInfo>> GetAllAsync();

    /// <summary>The first friend matching the lookup (Mojo takes the first match), or null.</summary>
    [Alias("Find"), ReadOnly, AlwaysInterleave]
    Task<ContactInfo?> FindAsync(FriendLookup lookup);

    [Alias("Search"), ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<ContactInfo>> SearchAsync(FriendLookup lookup);

    /// <summary>The contacts with these ids (unknown ids are skipped): one call for a whole sync batch.</summary>
    [Alias("GetByIds"), ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<ContactInfo>> GetByIdsAsync(IReadOnlyList<string> ids);

    /// <summary>Replaces the whole list (after a login's contact fetch).</summary>
    [Alias("Replace")]
    Task ReplaceAsync(IReadOnlyList<ContactInfo> friends);

    /// <summary>
    /// Applies webwxsync ModContactList / DelContactList entries; the answer has what changed, diffed against the
    /// known state (removed friends as they were, changed fields with old and new values).
    /// </summary>
    [Alias("Apply")]
    Task<ContactChanges> ApplyAsync(IReadOnlyList<ContactInfo> modified, IReadOnlyList<string> deleted);
}
