using OpenWxCluster.Grains.Contacts;

namespace OpenWxCluster.Grains.UnitTests;

/// <summary>The contact book merge and Mojo's update() rules: who joined, who left, which field changed, what was known.</summary>
public sealed class ContactDiffTests
{
    private static ContactInfo Friend(string id, string name = "N") => new() { Id = id, Name = name, Category = "好友" };

    private static ContactInfo Member(string id, string nick = "M", string card = "") => new() { Id = id, Markname = nick, Display = card };

    private static GroupInfo Group(string id, string name, params ContactInfo[] members) => new() { Id = id, Name = name, Members = members };

    private static ContactChanges ApplyFriends(ContactBook<ContactInfo> book, IReadOnlyList<ContactInfo> mod, params string[] del) =>
        ContactDiff.Friends(book.Apply(mod, del, f => f.Id, (_, update) => update));

    private static ContactChanges ApplyGroups(ContactBook<GroupInfo> book, IReadOnlyList<GroupInfo> mod, params string[] del) =>
        ContactDiff.Groups(book.Apply(mod, del, g => g.Id, ContactDiff.MergeGroup));

    [Fact]
    public void A_removed_friend_is_reported_as_it_was_known()
    {
        var known = Friend("@a", "Alice") with { Markname = "Ally", City = "深圳" };
        var book = new ContactBook<ContactInfo> { Items = [known, Friend("@b")] };

        var changes = ApplyFriends(book, [], "@a", "@unknown");

        Assert.Equal(["@a"], changes.Removed);
        Assert.Equal([known], changes.RemovedFriends);
        Assert.Equal([Friend("@b")], book.Items);
        Assert.Empty(changes.Properties);
    }

    [Fact]
    public void Each_changed_friend_field_is_one_property_change_with_old_and_new()
    {
        var book = new ContactBook<ContactInfo> { Items = [Friend("@a", "Alice")] };
        var renamed = Friend("@a", "Alicia") with { Signature = "hi" };

        var changes = ApplyFriends(book, [renamed, Friend("@c", "Carl")]);

        Assert.Equal(["@c"], changes.Added);
        Assert.Equal(["@a"], changes.Updated);
        Assert.Equal(
            [
                new PropertyChange { Contact = renamed, Property = "name", OldValue = "Alice", NewValue = "Alicia" },
                new PropertyChange { Contact = renamed, Property = "signature", OldValue = "", NewValue = "hi" },
            ],
            changes.Properties);
        Assert.Empty(changes.RemovedFriends);
    }

    [Fact]
    public void An_unchanged_friend_gives_no_change()
    {
        var book = new ContactBook<ContactInfo> { Items = [Friend("@a", "Alice")] };

        var changes = ApplyFriends(book, [Friend("@a", "Alice")]);

        Assert.Empty(changes.Updated);
        Assert.Empty(changes.Properties);
    }

    [Fact]
    public void A_group_update_diffs_members_by_id_into_joins_leaves_and_member_changes()
    {
        var book = new ContactBook<GroupInfo> { Items = [Group("@@g", "Team", Member("@a"), Member("@b", "Bob"), Member("@c"))] };
        var bob = Member("@b", "Bobby", "B-card");
        var update = Group("@@g", "Team", Member("@a"), bob, Member("@d", "Dora"));

        var changes = ApplyGroups(book, [update]);

        var basic = update.Basic();
        Assert.Equal([new MemberChange(Member("@d", "Dora"), basic)], changes.MembersJoined);
        Assert.Equal([new MemberChange(Member("@c"), basic)], changes.MembersLeft);
        Assert.Equal(
            [
                new PropertyChange { Contact = bob, Group = basic, Property = "display", OldValue = "", NewValue = "B-card" },
                new PropertyChange { Contact = bob, Group = basic, Property = "markname", OldValue = "Bob", NewValue = "Bobby" },
            ],
            changes.Properties);
        Assert.All(changes.Properties, p => Assert.True(p.IsMember));
        Assert.Equal(update, book.Items.Single());
    }

    [Fact]
    public void A_renamed_group_is_a_group_property_change_and_an_update_without_members_keeps_them()
    {
        var members = new[] { Member("@a"), Member("@b") };
        var book = new ContactBook<GroupInfo> { Items = [Group("@@g", "Old", members) with { OwnerUid = "1" }] };

        var changes = ApplyGroups(book, [Group("@@g", "New") with { OwnerUid = "1" }]);

        var stored = book.Items.Single();
        Assert.Equal(members, stored.Members);
        var change = Assert.Single(changes.Properties);
        Assert.Equal(("name", "Old", "New"), (change.Property, change.OldValue, change.NewValue));
        Assert.Same(stored, change.Group);
        Assert.False(change.IsMember);
        Assert.Empty(changes.MembersJoined);
        Assert.Empty(changes.MembersLeft);
    }

    [Fact]
    public void A_group_update_equal_to_the_known_group_is_no_change()
    {
        var book = new ContactBook<GroupInfo> { Items = [Group("@@g", "Team", Member("@a"), Member("@b"))] };

        var diff = book.Apply([Group("@@g", "Team", Member("@a"), Member("@b"))], [], g => g.Id, ContactDiff.MergeGroup);

        Assert.True(diff.IsEmpty);
        Assert.False(ContactDiff.MergeGroup(book.Items[0], Group("@@g", "Team", Member("@a"))) == book.Items[0]);
        Assert.False(ContactDiff.MergeGroup(book.Items[0], Group("@@g", "Team", Member("@b"), Member("@a"))) == book.Items[0]);
    }

    [Fact]
    public void A_group_known_without_members_takes_its_first_member_list_silently()
    {
        var book = new ContactBook<GroupInfo> { Items = [Group("@@g", "Team")] };

        var changes = ApplyGroups(book, [Group("@@g", "Team", Member("@a"), Member("@b"))]);

        Assert.Equal(2, book.Items.Single().Members.Count);
        Assert.Empty(changes.MembersJoined);
        Assert.Empty(changes.Properties);
    }

    [Fact]
    public void A_removed_group_is_reported_with_its_known_members()
    {
        var known = Group("@@g", "Team", Member("@a"));
        var book = new ContactBook<GroupInfo> { Items = [known, Group("@@h", "Other")] };

        var changes = ApplyGroups(book, [], "@@g");

        Assert.Equal([known], changes.RemovedGroups);
        Assert.Equal(["@@g"], changes.Removed);
        Assert.Equal("@@h", book.Items.Single().Id);
    }

    [Fact]
    public void The_diff_survives_the_orleans_serializer_whole()
    {
        var book = new ContactBook<GroupInfo> { Items = [Group("@@g", "Old", Member("@a"), Member("@b")), Group("@@h", "Gone", Member("@a"))] };
        var changes = ApplyGroups(book, [Group("@@g", "New", Member("@b", "Bee"), Member("@c"))], "@@h");

        var copy = OrleansRoundTrip.Copy(changes);

        Assert.Equal(changes.Removed, copy.Removed);
        Assert.Equal(changes.RemovedGroups.Single().Members, copy.RemovedGroups.Single().Members);
        Assert.Equal(changes.Properties.Select(p => (p.Property, p.OldValue, p.NewValue, p.IsMember)), copy.Properties.Select(p => (p.Property, p.OldValue, p.NewValue, p.IsMember)));
        Assert.Equal(changes.MembersJoined.Select(m => m.Member), copy.MembersJoined.Select(m => m.Member));
        Assert.Equal(changes.MembersLeft.Select(m => m.Member), copy.MembersLeft.Select(m => m.Member));
        Assert.Equal(2, copy.Properties.Count);
        Assert.Single(copy.MembersJoined);
        Assert.Single(copy.MembersLeft);
    }
}
