namespace OpenWxCluster.Contracts;

/// <summary>Child grain of an account (same key) caching its groups with members.</summary>
[Alias("openwx.IGroupsGrain")]
public interface IGroupsGrain : IGrainWithStringKey
{
    [Alias("GetAll"), ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<GroupInfo>> GetAllAsync();

    /// <summary>
    /// All groups without their member lists (get_group_basic_info), so members do not cross the wire; an unnamed
    /// group keeps the first three members its displayname is made of.
    /// </summary>
    [Alias("GetAllBasic"), ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<GroupInfo>> GetAllBasicAsync();

    /// <summary>
    /// The role (QQ's owner/admin/attend) of member <paramref name="memberId"/> in each group whose cached members
    /// include it, by group id: the account's own roles for get_group_basic_info, without sending member lists.
    /// </summary>
    [Alias("GetRolesOf"), ReadOnly, AlwaysInterleave]
    Task<IReadOnlyDictionary<string, string>> GetRolesOfAsync(string memberId);

    [Alias("Find"), ReadOnly, AlwaysInterleave]
    Task<GroupInfo?> FindAsync(GroupLookup lookup);

    [Alias("Search"), ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<GroupInfo>> SearchAsync(GroupLookup lookup);

    /// <summary>The contacts with these ids (unknown ids are skipped): one call for a whole sync batch.</summary>
    [Alias("GetByIds"), ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<GroupInfo>> GetByIdsAsync(IReadOnlyList<string> ids);

    [Alias("Replace")]
    Task ReplaceAsync(IReadOnlyList<GroupInfo> groups);

    /// <summary>
    /// Applies ModContactList / DelContactList groups; the answer has what changed, diffed against the known state
    /// (removed groups as they were, changed fields, members who joined or left, members' changed fields). An update
    /// without a member list keeps the known members.
    /// </summary>
    [Alias("Apply")]
    Task<ContactChanges> ApplyAsync(IReadOnlyList<GroupInfo> modified, IReadOnlyList<string> deleted);
}
