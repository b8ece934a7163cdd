using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// The account keeps the friends it resolved for sends (ContactCache). Another Orleans client may change the
/// friends grain directly (the contract is public): the friends grain then tells the account, so a send by the old
/// name stops finding the friend instead of going on from what the account kept.
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

        var friends = fixture.Cluster.Client.ForKey<IFriendsGrain>(AccountKey.For(AccountKey.WeChat, "ccache"));
        var pal = await friends.FindAsync(new FriendLookup(DisplayName: "CachePal"));
        await friends.ApplyAsync([pal! with { Markname = "Renamed" }], []);

        await Eventually.TrueAsync(
            async () => await SendAsync("CachePal", "old name") == (100, "object not found"),
            TimeSpan.FromSeconds(30),
            "a send by the old name is refused");
        Assert.Equal((0, "success"), await SendAsync("Renamed", "new name"));
    }

    private async Task<(int Code, string? Status)> SendAsync(string displayName, string content)
    {
        var reply = await _api.GetAsync("send_friend_message", ("client", "ccache"), ("displayname", displayName), ("content", content));
        return (reply.GetProperty("code").GetInt32(), reply.GetProperty("status").GetString());
    }
}
