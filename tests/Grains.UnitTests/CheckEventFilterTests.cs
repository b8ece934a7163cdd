using OpenWxCluster.Grains.Events;

namespace OpenWxCluster.Grains.UnitTests;

public sealed class CheckEventFilterTests
{
    [Theory]
    [InlineData(AccountEvent.ReceiveMessage)]
    [InlineData(AccountEvent.SendMessage)]
    public void Messages_are_queued(string postType)
    {
        Assert.True(CheckEventFilter.Accepts(Post(postType, null)));
    }

    [Theory]
    [InlineData("new_friend")]
    [InlineData("new_group")]
    [InlineData("new_group_member")]
    [InlineData("lose_friend")]
    [InlineData("lose_group")]
    [InlineData("lose_group_member")]
    [InlineData("friend_property_change")]
    [InlineData("group_property_change")]
    [InlineData("group_member_property_change")]
    [InlineData("friend_request")]
    public void Contact_and_request_events_are_queued(string name)
    {
        Assert.True(CheckEventFilter.Accepts(Post(AccountEvent.EventPost, name)));
    }

    [Theory]
    [InlineData("login")]
    [InlineData("relogin")]
    [InlineData("stop")]
    [InlineData("state_change")]
    [InlineData("input_qrcode")]
    [InlineData("qrcode_expire")]
    [InlineData("offline")]
    [InlineData("recovering")]
    [InlineData("online")]
    [InlineData("update_friend")]
    [InlineData("update_group")]
    [InlineData("renew_friend")]
    [InlineData("close_friend")]
    [InlineData("property_change_log")]
    [InlineData("friend_request_sent")]
    [InlineData("")]
    public void Life_cycle_and_other_events_only_go_to_post_api(string name)
    {
        Assert.False(CheckEventFilter.Accepts(Post(AccountEvent.EventPost, name)));
    }

    [Fact]
    public void An_event_post_without_a_name_is_not_queued()
    {
        Assert.False(CheckEventFilter.Accepts(Post(AccountEvent.EventPost, null)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("message")]
    [InlineData("Event")]
    public void An_unknown_post_type_is_not_queued_even_with_a_queued_event_name(string postType)
    {
        Assert.False(CheckEventFilter.Accepts(Post(postType, "new_friend")));
    }

    private static AccountEvent Post(string postType, string? name) => new()
    {
        AccountKey = "wx/default",
        Seq = 1,
        PostType = postType,
        Event = name,
    };
}
