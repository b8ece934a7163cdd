namespace OpenWxCluster.Protocol.Tests.Parser;

public sealed class TextAndDirectionTests
{
    [Fact]
    public void Friend_text_is_recv_friend_message()
    {
        var m = Raw.Message(Raw.FromFriend(1, "hello"));
        Assert.Equal("6583429473623521098", m.Id);
        Assert.Equal(1700000123, m.Time);
        Assert.Equal("friend_message", m.Type);
        Assert.Equal("recv", m.Class);
        Assert.Equal("text", m.Format);
        Assert.Equal(Raw.Friend, m.SenderId);
        Assert.Equal(Raw.Self, m.ReceiverId);
        Assert.Null(m.GroupId);
        Assert.Equal("hello", m.Content);
    }

    [Fact]
    public void Group_text_splits_the_member_prefix()
    {
        var m = Raw.Message(Raw.FromGroup(1, $"{Raw.Member}:<br/>line1<br/>line2"));
        Assert.Equal("group_message", m.Type);
        Assert.Equal(Raw.Group, m.GroupId);
        Assert.Equal(Raw.Member, m.SenderId);
        Assert.Equal("line1\nline2", m.Content);
    }

    [Fact]
    public void Chatroom_suffix_counts_as_a_group_and_no_prefix_leaves_sender_unset()
    {
        var raw = Raw.FromFriend(1, "no prefix here") with { FromUserName = "12345678@chatroom" };
        var m = Raw.Message(raw);
        Assert.Equal("group_message", m.Type);
        Assert.Equal("12345678@chatroom", m.GroupId);
        Assert.Null(m.SenderId);
        Assert.Equal("no prefix here", m.Content);
    }

    [Fact]
    public void Message_from_self_is_send_outer_to_friend()
    {
        var raw = Raw.FromFriend(1, "from my phone") with { FromUserName = Raw.Self, ToUserName = Raw.Friend };
        var m = Raw.Message(raw);
        Assert.Equal("send", m.Class);
        Assert.Equal("outer", m.Source);
        Assert.Equal(Raw.Self, m.SenderId);
        Assert.Equal(Raw.Friend, m.ReceiverId);
        Assert.Null(m.GroupId);
        Assert.Equal("friend_message", m.Type);
    }

    [Fact]
    public void Message_from_self_to_group_is_send_outer_group_message()
    {
        var raw = Raw.FromFriend(1, "hi all") with { FromUserName = Raw.Self, ToUserName = Raw.Group };
        var m = Raw.Message(raw);
        Assert.Equal("send", m.Class);
        Assert.Equal("group_message", m.Type);
        Assert.Equal(Raw.Group, m.GroupId);
        Assert.Null(m.ReceiverId);
        Assert.Equal("hi all", m.Content);
    }

    [Fact]
    public void Html_entities_are_decoded_and_mentions_get_an_ascii_space()
    {
        var m = Raw.Message(Raw.FromGroup(1, $"{Raw.Member}:<br/>@小明\u2005看这个 &lt;b&gt; &amp; &quot;x&quot; a/b"));
        Assert.Equal("@小明 看这个 <b> & \"x\" a/b", m.Content);
    }

    [Fact]
    public void Emoji_spans_become_names_unknown_ones_a_placeholder()
    {
        var m = Raw.Message(Raw.FromFriend(1, "好<span class=\"emoji emoji1f604\"></span>啊<span class=\"emoji emoji1f9ff\"></span>"));
        Assert.Equal("好[大笑]啊[未知表情]", m.Content);
    }

    [Fact]
    public void Emoji_spans_can_become_real_emoji()
    {
        var raw = Raw.FromFriend(1, "<span class=\"emoji emoji1f604\"></span><span class=\"emoji emoji1f1e81f1f3\"></span>");
        var m = Assert.IsType<WxMessageItem>(WxMessageParser.Parse(raw, Raw.Self, emojiToText: false)).Message;
        Assert.Equal("\U0001F604\U0001F1E8\U0001F1F3", m.Content);
    }

    [Theory]
    [InlineData("2764", "\u2764")]
    [InlineData("1f604", "\U0001F604")]
    [InlineData("1F1E81F1F3", "\U0001F1E8\U0001F1F3")]
    [InlineData("d7ff", "\uD7FF")]
    [InlineData("e000", "\uE000")]
    [InlineData("10ffff", "\U0010FFFF")]
    public void Real_emoji_are_rendered_from_their_code_points(string hex, string expected)
    {
        var raw = Raw.FromFriend(1, $"<span class=\"emoji emoji{hex}\"></span>");
        var m = Assert.IsType<WxMessageItem>(WxMessageParser.Parse(raw, Raw.Self, emojiToText: false)).Message;
        Assert.Equal(expected, m.Content);
    }

    [Theory]
    [InlineData("d800")]
    [InlineData("dbff")]
    [InlineData("dfff")]
    [InlineData("110000")]
    [InlineData("1f1e80d800")]
    [InlineData("7fffffff")]
    public void Markers_that_are_no_code_point_become_the_unknown_placeholder(string hex)
    {
        var raw = Raw.FromFriend(1, $"a<span class=\"emoji emoji{hex}\"></span>b");
        var m = Assert.IsType<WxMessageItem>(WxMessageParser.Parse(raw, Raw.Self, emojiToText: false)).Message;
        Assert.Equal("a[未知表情]b", m.Content);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>("raw", () => WxMessageParser.Parse(null!, Raw.Self));
        Assert.Throws<ArgumentNullException>("selfUserName", () => WxMessageParser.Parse(Raw.FromFriend(1, "x"), null!));
    }

    [Fact]
    public void Group_system_message_is_a_group_notice()
    {
        var m = Raw.Message(Raw.FromGroup(10000, "\"小明\"邀请\"小红\"加入了群聊"));
        Assert.Equal("group_notice", m.Type);
        Assert.Equal("text", m.Format);
        Assert.Equal(Raw.Group, m.GroupId);
        Assert.Null(m.SenderId);
        Assert.Equal("\"小明\"邀请\"小红\"加入了群聊", m.Content);
    }

    [Fact]
    public void Friend_system_message_is_a_friend_message()
    {
        var m = Raw.Message(Raw.FromFriend(10000, "你已添加了小明，现在可以开始聊天了。"));
        Assert.Equal("friend_message", m.Type);
        Assert.Equal("text", m.Format);
        Assert.Equal(Raw.Friend, m.SenderId);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(48)]
    [InlineData(50)]
    [InlineData(52)]
    [InlineData(53)]
    [InlineData(9999)]
    [InlineData(12345)]
    public void Other_types_are_dropped(int msgType)
    {
        Assert.Null(WxMessageParser.Parse(Raw.FromFriend(msgType, "x"), Raw.Self));
    }
}
