using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront.Tests;

public sealed class EncodedFriendsTests
{
    [Fact]
    public void A_friend_is_encoded_once_per_contact_object()
    {
        var friend = TestData.Xiaohui with { };

        Assert.Same(EncodedFriends.Of(friend), EncodedFriends.Of(friend));
    }

    [Fact]
    public void A_changed_friend_is_a_new_object_and_renders_its_new_values()
    {
        var before = TestData.Xiaohui with { };
        var after = before with { Markname = "新备注" };
        Assert.Equal(before.Id, after.Id);

        var old = Render(before);
        var renamed = Render(after);

        Assert.Equal(before.Markname, (string?)old[0]!["markname"]);
        Assert.Equal("新备注", (string?)renamed[0]!["markname"]);
    }

    [Fact]
    public void The_cached_friends_form_one_array_with_each_friend_whole()
    {
        var second = TestData.Xiaohui with { Id = "@second", Name = "第二" };

        var list = Render(TestData.Xiaohui, second, TestData.Xiaohui);

        Assert.Equal(3, list.Count);
        Assert.Equal(["@00227d73fa6b8326f69bca419db7a05c", "@second", "@00227d73fa6b8326f69bca419db7a05c"], list.Select(f => (string?)f!["id"]));
        Assert.Equal("第二", (string?)list[1]!["name"]);
        Assert.Equal(12, list[1]!.AsObject().Count);
    }

    [Fact]
    public void A_snapshot_is_written_as_one_block_encoded_once_and_a_new_snapshot_anew()
    {
        var second = TestData.Xiaohui with { Id = "@second", Name = "第二" };
        var snapshot = new ContactSnapshot<ContactInfo>([TestData.Xiaohui, second]);
        var renamed = new ContactSnapshot<ContactInfo>([TestData.Xiaohui, second with { Markname = "新备注" }]);

        Assert.Same(EncodedFriends.ListOf(snapshot), EncodedFriends.ListOf(snapshot));
        // The same JSON as friend by friend; a new snapshot is encoded anew.
        Assert.Equal(Render(TestData.Xiaohui, second).ToJsonString(), ContactJson.FriendsReply(snapshot).ToNode()!.ToJsonString());
        Assert.Equal("新备注", (string?)ContactJson.FriendsReply(renamed).ToNode()![1]!["markname"]);
    }

    [Fact]
    public void Only_a_snapshot_served_again_is_written_from_a_whole_list_encoding()
    {
        // A snapshot that crossed silos is a new object per call: the first sight writes friend by friend.
        var snapshot = new ContactSnapshot<ContactInfo>([TestData.Xiaohui]);

        Assert.False(EncodedFriends.SeenBefore(snapshot));
        Assert.True(EncodedFriends.SeenBefore(snapshot));
        Assert.False(EncodedFriends.SeenBefore(new ContactSnapshot<ContactInfo>([TestData.Xiaohui])));
    }

    private static JsonArray Render(params ContactInfo[] friends) => ContactJson.FriendsReply(friends).ToNode()!.AsArray();
}
