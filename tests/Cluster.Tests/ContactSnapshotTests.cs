using Microsoft.Extensions.DependencyInjection;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// A contact grain hands readers in its silo one immutable snapshot until its book changes, and get_friend_info
/// keeps its encoded reply per snapshot (<c>EncodedFriends.ListOf</c>). So a change must hand out a new snapshot
/// with the new values; an unchanged book the very same object (else the reply cache never hits).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ContactSnapshotTests(ClusterFixture fixture)
{
    [Fact]
    public async Task An_in_silo_reader_gets_one_snapshot_until_the_book_changes()
    {
        // Called from a silo, so the friends grain (PreferLocalPlacement) lives there and answers by reference. A QQ
        // key: no WeChat account grain to notify of the changes.
        var grains = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>();
        var friends = grains.ForKey<IFriendsGrain>(AccountKey.For(AccountKey.QQ, "snapshots"));
        var alice = new ContactInfo { Id = "1001", Name = "Alice" };
        await friends.ReplaceAsync([alice, new ContactInfo { Id = "1002", Name = "Bob" }]);

        var first = await friends.GetAllAsync();
        Assert.Same(first, await friends.GetAllAsync());

        await friends.ApplyAsync([alice with { Markname = "Ally" }], []);
        var applied = await friends.GetAllAsync();
        Assert.NotSame(first, applied);
        Assert.Equal(["Ally", ""], applied.Select(f => f.Markname));
        Assert.Equal(["", ""], first.Select(f => f.Markname)); // what a reader holds is never changed under it

        await friends.ApplyAsync([], ["1002"]);
        Assert.Equal(["1001"], (await friends.GetAllAsync()).Select(f => f.Id));

        await friends.ReplaceAsync([new ContactInfo { Id = "1003", Name = "Carol" }]);
        Assert.Equal(["1003"], (await friends.GetAllAsync()).Select(f => f.Id));
    }

    [Fact]
    public async Task Basic_groups_are_one_snapshot_until_the_book_changes()
    {
        var grains = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>();
        var groups = grains.ForKey<IGroupsGrain>(AccountKey.For(AccountKey.QQ, "basic-snapshots"));
        var perl = new GroupInfo { Id = "3001", Name = "Perl", Members = [new ContactInfo { Id = "1001", Name = "Alice" }] };
        await groups.ReplaceAsync([perl]);

        var first = await groups.GetAllBasicAsync();
        Assert.Same(first, await groups.GetAllBasicAsync());
        Assert.Empty(first[0].Members);

        await groups.ApplyAsync([perl with { Name = "Perl 2" }], []);
        var renamed = await groups.GetAllBasicAsync();
        Assert.NotSame(first, renamed);
        Assert.Equal(["Perl 2"], renamed.Select(g => g.Name));
        Assert.Equal(["Perl"], first.Select(g => g.Name));
    }
}
