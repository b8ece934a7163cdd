using OpenWxCluster.Grains.Account;

namespace OpenWxCluster.Grains.UnitTests.Contacts;

public sealed class ContactCacheTests
{
    private static readonly ContactInfo Pal = new() { Id = "@pal", Name = "Pal" };

    private readonly CountingFriends _friends = new() { Items = { Pal } };
    private readonly ContactCache _cache;

    public ContactCacheTests() => _cache = new ContactCache(_friends, new NoGroups());

    [Fact]
    public async Task A_resolved_friend_is_answered_without_another_call_until_the_book_changes()
    {
        var lookup = new FriendLookup(DisplayName: "Pal");

        Assert.Same(Pal, await _cache.FindFriendAsync(lookup));
        Assert.Same(Pal, await _cache.FindFriendAsync(lookup));
        Assert.Equal(1, _friends.Reads);

        _cache.Forget();
        Assert.Same(Pal, await _cache.FindFriendAsync(lookup));
        Assert.Equal(2, _friends.Reads);
    }

    [Fact]
    public async Task A_friend_not_found_is_asked_again()
    {
        var lookup = new FriendLookup(DisplayName: "Nobody");

        Assert.Null(await _cache.FindFriendAsync(lookup));
        Assert.Null(await _cache.FindFriendAsync(lookup));

        Assert.Equal(2, _friends.Reads);
    }

    [Fact]
    public async Task A_lookup_in_flight_when_the_book_changes_is_not_kept()
    {
        var lookup = new FriendLookup(DisplayName: "Pal");
        _friends.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFlight = _cache.FindFriendAsync(lookup);
        _cache.Forget();
        _friends.Hold.SetResult();
        _friends.Hold = null;

        Assert.Same(Pal, await inFlight);
        await _cache.FindFriendAsync(lookup);

        Assert.Equal(2, _friends.Reads);
    }

    [Fact]
    public async Task Ids_are_kept_found_or_not_and_only_unknown_ids_are_asked_for()
    {
        Assert.Equal([Pal], await _cache.FriendsByIdsAsync(["@pal", "@stranger"]));
        Assert.Equal([Pal], await _cache.FriendsByIdsAsync(["@stranger", "@pal", "@pal"]));
        Assert.Equal(1, _friends.Reads);

        Assert.Empty(await _cache.FriendsByIdsAsync(["@new"]));
        Assert.Equal(2, _friends.Reads);
    }

    [Fact]
    public async Task The_cache_starts_over_past_its_capacity()
    {
        var ids = Enumerable.Range(0, ContactCache.Capacity).Select(i => $"@s{i}").ToList();
        await _cache.FriendsByIdsAsync(ids);
        Assert.Equal(ContactCache.Capacity, _cache.Count);

        Assert.Equal([Pal], await _cache.FriendsByIdsAsync(["@pal"]));

        Assert.Equal(1, _cache.Count);
        Assert.Equal(2, _friends.Reads);
    }

    [Fact]
    public async Task The_accounts_own_write_is_seen_by_its_next_lookup_without_waiting_for_the_books_notice()
    {
        var byName = new FriendLookup(DisplayName: "Pal");
        Assert.Same(Pal, await _cache.FindFriendAsync(byName));
        Assert.Equal([Pal], await _cache.FriendsByIdsAsync(["@pal"]));

        var renamed = Pal with { Markname = "Buddy" };
        await _cache.ApplyFriendsAsync([renamed], []);

        Assert.Same(renamed, await _cache.FindFriendAsync(new FriendLookup(DisplayName: "Buddy")));
        Assert.Equal([renamed], await _cache.FriendsByIdsAsync(["@pal"]));
    }
}
