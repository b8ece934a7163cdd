using OpenWxCluster.Emulator.Control;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// The account keeps the friends it resolved for sends, get_friend_info's list and get_group_info's (ContactCache). Another Orleans
/// client may change the friends grain directly (the contract is public): the friends grain then tells the account,
/// so a send by the old name stops finding the friend and get_friend_info shows the change, instead of going on from
/// what the account kept.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ContactCacheOwnerTests(ClusterFixture fixture)
{
    private readonly OpenWxHttpApi _api = new(fixture.Http);

    [Fact]
    public async Task A_friend_renamed_by_another_client_is_no_longer_found_by_the_old_name()
    {
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("ccache", "CachePal");
        await _api.LoginAsync(world, "ccache", "ccache_bot");
        Assert.Equal((0, "success"), await SendAsync("CachePal", "kept"));
        Assert.Equal([""], await MarknamesAsync()); // get_friend_info's list is now kept by the account too

        var friends = fixture.Cluster.Client.ForKey<IFriendsGrain>(AccountKey.For(AccountKey.WeChat, "ccache"));
        var pal = await friends.FindAsync(new FriendLookup(DisplayName: "CachePal"));
        await friends.ApplyAsync([pal! with { Markname = "Renamed" }], []);

        await Eventually.TrueAsync(
            async () => await SendAsync("CachePal", "old name") == (100, "object not found"),
            TimeSpan.FromSeconds(30),
            "a send by the old name is refused");
        Assert.Equal((0, "success"), await SendAsync("Renamed", "new name"));
        Assert.Equal(["Renamed"], await MarknamesAsync());
    }

    [Fact]
    public async Task A_group_renamed_by_another_client_shows_in_get_group_info_and_its_basic_form()
    {
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("gcache", "GroupPal");
        world.CreateGroup(new CreateGroupRequest { GroupId = "grp_gcache", Name = "Old name", Owner = "gcache_pal", Members = ["gcache_bot"], SavedToContacts = true });
        await _api.LoginAsync(world, "gcache", "gcache_bot");
        await _api.WaitForGroupAsync("gcache", g => g.GetProperty("name").GetString() == "Old name", "the group");
        Assert.Equal(["Old name"], await GroupNamesAsync("get_group_info")); // now kept by the account
        Assert.Equal(["Old name"], await GroupNamesAsync("get_group_basic_info"));

        var groups = fixture.Cluster.Client.ForKey<IGroupsGrain>(AccountKey.For(AccountKey.WeChat, "gcache"));
        var group = (await groups.GetAllAsync()).Single();
        await groups.ApplyAsync([group with { Name = "New name" }], []);

        await Eventually.TrueAsync(
            async () => (await GroupNamesAsync("get_group_info")).SequenceEqual(["New name"]),
            TimeSpan.FromSeconds(30),
            "get_group_info shows the new name");
        Assert.Equal(["New name"], await GroupNamesAsync("get_group_basic_info"));
    }

    private async Task<string[]> GroupNamesAsync(string route) =>
        [.. (await _api.GetAsync(route, ("client", "gcache"))).EnumerateArray().Select(g => g.GetProperty("name").GetString()!)];

    private async Task<string[]> MarknamesAsync()
    {
        var friends = await _api.GetAsync("get_friend_info", ("client", "ccache"));
        return [.. friends.EnumerateArray().Where(f => f.GetProperty("category").GetString() == "好友").Select(f => f.GetProperty("markname").GetString()!)];
    }

    private async Task<(int Code, string? Status)> SendAsync(string displayName, string content)
    {
        var reply = await _api.GetAsync("send_friend_message", ("client", "ccache"), ("displayname", displayName), ("content", content));
        return (reply.GetProperty("code").GetInt32(), reply.GetProperty("status").GetString());
    }
}
