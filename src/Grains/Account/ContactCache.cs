using OpenWxCluster.Grains.Contacts;

namespace OpenWxCluster.Grains.Account;

/// <summary>
/// The friends and groups an account resolved lately, so a send or a sync batch needs no call into the contact
/// grains (that second hop was a third of the Orleans messaging of a send). The contact grains tell the account
/// when their book changes (<see cref="IContactCacheOwner"/>) and it forgets everything then; a lookup in flight
/// while the book changed is not kept. Ids are kept as found or not found; lookups only when found. Bounded: past
/// <see cref="Capacity"/> entries it starts over.
/// </summary>
public sealed class ContactCache(IFriendsGrain friends, IGroupsGrain groups)
{
    public const int Capacity = 1024;

    private readonly Dictionary<FriendLookup, ContactInfo> _friendLookups = [];
    private readonly Dictionary<GroupLookup, GroupInfo> _groupLookups = [];
    private readonly Dictionary<string, ContactInfo?> _friendIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GroupInfo?> _groupIds = new(StringComparer.Ordinal);
    private IReadOnlyList<ContactInfo>? _allFriends;
    private IReadOnlyList<GroupInfo>? _allGroups;
    private IReadOnlyList<GroupInfo>? _basicGroups;
    private long _generation;

    public int Count => _friendLookups.Count + _groupLookups.Count + _friendIds.Count + _groupIds.Count;

    public void Forget()
    {
        _generation++;
        _friendLookups.Clear();
        _groupLookups.Clear();
        _friendIds.Clear();
        _groupIds.Clear();
        _allFriends = null;
        _allGroups = null;
        _basicGroups = null;
    }

    /// <summary>Writes the account's own friend changes and forgets at once: the book's notice comes a turn later.</summary>
    public Task<ContactChanges> ApplyFriendsAsync(IReadOnlyList<ContactInfo> modified, IReadOnlyList<string> deleted) =>
        ForgettingAfter(friends.ApplyAsync(modified, deleted));

    public Task<ContactChanges> ApplyGroupsAsync(IReadOnlyList<GroupInfo> modified, IReadOnlyList<string> deleted) =>
        ForgettingAfter(groups.ApplyAsync(modified, deleted));

    /// <summary>Replaces both books (a login's contact list) and forgets.</summary>
    public async Task ReplaceAsync(IReadOnlyList<ContactInfo> allFriends, IReadOnlyList<GroupInfo> allGroups)
    {
        await friends.ReplaceAsync(allFriends);
        await groups.ReplaceAsync(allGroups);
        Forget();
    }

    /// <summary>
    /// All friends (get_friend_info): the friends grain's snapshot, kept until the book changes. In the friends
    /// grain's silo it is that grain's own immutable object, so keeping it costs a reference, not a copy.
    /// </summary>
    public Task<IReadOnlyList<ContactInfo>> AllFriendsAsync() =>
        _allFriends is { } kept ? Task.FromResult(kept) : KeptAsync(friends.GetAllAsync, all => _allFriends = all);

    /// <summary>All groups (get_group_info) or all without members (get_group_basic_info), kept as the friends are.</summary>
    public Task<IReadOnlyList<GroupInfo>> AllGroupsAsync(bool withMembers) => (withMembers ? _allGroups : _basicGroups) is { } kept
        ? Task.FromResult(kept)
        : withMembers
            ? KeptAsync(groups.GetAllAsync, all => _allGroups = all)
            : KeptAsync(groups.GetAllBasicAsync, all => _basicGroups = all);

    public Task<ContactInfo?> FindFriendAsync(FriendLookup lookup) => FindAsync(_friendLookups, lookup, friends.FindAsync);

    public Task<GroupInfo?> FindGroupAsync(GroupLookup lookup) => FindAsync(_groupLookups, lookup, groups.FindAsync);

    public Task<IReadOnlyList<ContactInfo>> FriendsByIdsAsync(IReadOnlyList<string> ids) =>
        ByIdsAsync(_friendIds, ids, friends.GetByIdsAsync, f => f.Id);

    public Task<IReadOnlyList<GroupInfo>> GroupsByIdsAsync(IReadOnlyList<string> ids) =>
        ByIdsAsync(_groupIds, ids, groups.GetByIdsAsync, g => g.Id);

    /// <summary>Fetches what is not kept yet and keeps it, unless the book changed meanwhile.</summary>
    private async Task<T> KeptAsync<T>(Func<Task<T>> fetch, Action<T> keep)
    {
        var generation = _generation;
        var value = await fetch();
        if (generation == _generation)
        {
            keep(value);
        }
        return value;
    }

    private async Task<T> ForgettingAfter<T>(Task<T> write)
    {
        var result = await write;
        Forget();
        return result;
    }

    private async Task<T?> FindAsync<TLookup, T>(Dictionary<TLookup, T> kept, TLookup lookup, Func<TLookup, Task<T?>> fetch)
        where TLookup : notnull
        where T : class
    {
        if (kept.TryGetValue(lookup, out var known))
        {
            return known;
        }
        var generation = _generation;
        var found = await fetch(lookup);
        if (found is not null && generation == _generation)
        {
            MakeRoom(1);
            kept[lookup] = found;
        }
        return found;
    }

    private async Task<IReadOnlyList<T>> ByIdsAsync<T>(
        Dictionary<string, T?> kept, IReadOnlyList<string> ids, Func<IReadOnlyList<string>, Task<IReadOnlyList<T>>> fetch, Func<T, string> idOf)
        where T : class
    {
        MakeRoom(ids.Count);
        var missing = ids.Where(id => !kept.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return Known(kept, ids);
        }
        var generation = _generation;
        var fetched = await fetch(missing);
        if (generation != _generation)
        {
            return fetched; // the book changed meanwhile: answer from the fresh read, keep nothing
        }
        foreach (var id in missing)
        {
            kept[id] = null;
        }
        foreach (var item in fetched)
        {
            kept[idOf(item)] = item;
        }
        return Known(kept, ids);
    }

    private static IReadOnlyList<T> Known<T>(Dictionary<string, T?> kept, IReadOnlyList<string> ids)
        where T : class =>
        [.. ids.Distinct(StringComparer.Ordinal).Select(id => kept[id]).OfType<T>()];

    private void MakeRoom(int adding)
    {
        if (Count + adding > Capacity)
        {
            Forget();
        }
    }
}
