namespace OpenWxCluster.Grains.UnitTests.Contacts;

/// <summary>A friends grain that counts the calls reaching it; <see cref="Hold"/> keeps the next read in flight.</summary>
internal sealed class CountingFriends : IFriendsGrain
{
    public List<ContactInfo> Items { get; } = [];

    public int Reads { get; private set; }

    public TaskCompletionSource? Hold { get; set; }

    public async Task<ContactInfo?> FindAsync(FriendLookup lookup)
    {
        Reads++;
        var found = Items.FirstOrDefault(lookup.Matches);
        await (Hold?.Task ?? Task.CompletedTask);
        return found;
    }

    public async Task<IReadOnlyList<ContactInfo>> GetByIdsAsync(IReadOnlyList<string> ids)
    {
        Reads++;
        var found = Items.Where(f => ids.Contains(f.Id)).ToList();
        await (Hold?.Task ?? Task.CompletedTask);
        return found;
    }

    public Task<IReadOnlyList<ContactInfo>> GetAllAsync() => throw new NotSupportedException();

    public Task<IReadOnlyList<ContactInfo>> SearchAsync(FriendLookup lookup) => throw new NotSupportedException();

    public Task ReplaceAsync(IReadOnlyList<ContactInfo> friends) => throw new NotSupportedException();

    /// <summary>Changes the book as the grain would, without the notice the real grain sends its account.</summary>
    public Task<ContactChanges> ApplyAsync(IReadOnlyList<ContactInfo> modified, IReadOnlyList<string> deleted)
    {
        Items.RemoveAll(f => deleted.Contains(f.Id) || modified.Any(m => m.Id == f.Id));
        Items.AddRange(modified);
        return Task.FromResult(ContactChanges.None);
    }
}
