namespace OpenWxCluster.Protocol.Tests.Parser;

public sealed class CardRevokeAndEventTests
{
    [Fact]
    public void Card_takes_RecommendInfo_and_the_avatar_from_the_xml()
    {
        var raw = Raw.FromFriend(42, "&lt;?xml version=\"1.0\"?&gt;<br/>&lt;msg bigheadimgurl=\"http://wx.qlogo.cn/mmhead/ver_1/x/0\" "
            + "smallheadimgurl=\"\" username=\"v1_abc@stranger\" nickname=\"小红\" alias=\"xiaohong88\" province=\"广东\" city=\"深圳\" sex=\"2\" /&gt;<br/>")
            with { RecommendInfo = new WxRecommendInfo("@c0ffee", "小红", "", "", "xiaohong88", "广东", "深圳", 2) };
        var m = Raw.Message(raw);
        Assert.Equal("card", m.Format);
        Assert.Equal("@c0ffee", m.CardId);
        Assert.Equal("小红", m.CardName);
        Assert.Equal("xiaohong88", m.CardAccount);
        Assert.Equal("广东", m.CardProvince);
        Assert.Equal("深圳", m.CardCity);
        Assert.Equal("female", m.CardSex);
        Assert.Equal("http://wx.qlogo.cn/mmhead/ver_1/x/0", m.CardAvatar);
        Assert.Equal("[名片]昵称：小红\n[名片]微信号：xiaohong88\n[名片]地区：广东 深圳", m.Content);
    }

    [Fact]
    public void Card_without_RecommendInfo_is_read_from_the_xml()
    {
        var raw = Raw.FromFriend(42, "&lt;?xml version=\"1.0\"?&gt;<br/>&lt;msg bigheadimgurl=\"http://wx.qlogo.cn/mmhead/ver_1/y/0\" "
            + "username=\"v1_def@stranger\" nickname=\"小明\" alias=\"xiaoming\" province=\"浙江\" city=\"杭州\" sex=\"1\" /&gt;<br/>");
        var m = Raw.Message(raw);
        Assert.Equal("v1_def@stranger", m.CardId);
        Assert.Equal("小明", m.CardName);
        Assert.Equal("xiaoming", m.CardAccount);
        Assert.Equal("浙江", m.CardProvince);
        Assert.Equal("杭州", m.CardCity);
        Assert.Equal("male", m.CardSex);
        Assert.Equal("http://wx.qlogo.cn/mmhead/ver_1/y/0", m.CardAvatar);
        Assert.Equal("[名片]昵称：小明\n[名片]微信号：xiaoming\n[名片]地区：浙江 杭州", m.Content);
    }

    [Fact]
    public void Card_fields_that_are_missing_are_unknown()
    {
        var m = Raw.Message(Raw.FromFriend(42, "&lt;msg username=\"v1_x@stranger\" sex=\"0\" /&gt;"));
        Assert.Equal("", m.CardName);
        Assert.Equal("", m.CardAccount);
        Assert.Equal("", m.CardSex);
        Assert.Equal("[名片]昵称：未知\n[名片]微信号：未知\n[名片]地区：未知", m.Content);
    }

    [Fact]
    public void Card_from_malformed_xml_reads_the_attributes_it_has()
    {
        var m = Raw.Message(Raw.FromFriend(42, "&lt;msg username=\"v1_y@stranger\" nickname=\"小刚\" sex=\"2\"&gt;&lt;unclosed&gt;"));
        Assert.Equal(("v1_y@stranger", "小刚", "", "female"), (m.CardId, m.CardName, m.CardAccount, m.CardSex));
        Assert.Equal("[名片]昵称：小刚\n[名片]微信号：未知\n[名片]地区：未知", m.Content);
    }

    [Fact]
    public void Revoke_reads_msgid_and_replacemsg_from_the_sysmsg()
    {
        var raw = Raw.FromFriend(10002, "&lt;sysmsg type=\"revokemsg\"&gt;&lt;revokemsg&gt;&lt;session&gt;wxid_alice&lt;/session&gt;"
            + "&lt;oldmsgid&gt;1000000001&lt;/oldmsgid&gt;&lt;msgid&gt;4242424242424242424&lt;/msgid&gt;"
            + "&lt;replacemsg&gt;&lt;![CDATA[\"Alice\" 撤回了一条消息]]&gt;&lt;/replacemsg&gt;&lt;/revokemsg&gt;&lt;/sysmsg&gt;");
        var m = Raw.Message(raw);
        Assert.Equal("revoke", m.Format);
        Assert.Equal("4242424242424242424", m.RevokeId);
        Assert.Equal("[撤回消息](\"Alice\" 撤回了一条消息)", m.Content);
        Assert.Equal("recv", m.Class);
    }

    [Fact]
    public void Own_revoke_arriving_as_recv_is_flipped_to_send_outer()
    {
        var raw = Raw.FromGroup(10002, "&lt;sysmsg type=\"revokemsg\"&gt;&lt;revokemsg&gt;&lt;msgid&gt;77&lt;/msgid&gt;"
            + "&lt;replacemsg&gt;&lt;![CDATA[你撤回了一条消息]]&gt;&lt;/replacemsg&gt;&lt;/revokemsg&gt;&lt;/sysmsg&gt;");
        var m = Raw.Message(raw);
        Assert.Equal("send", m.Class);
        Assert.Equal("outer", m.Source);
        Assert.Equal("77", m.RevokeId);
        Assert.Equal(Raw.Group, m.GroupId);
    }

    [Fact]
    public void Friend_request_becomes_a_friend_request_item()
    {
        var raw = Raw.FromFriend(37, "&lt;msg fromusername=\"wxid_new\" content=\"我是小明\" /&gt;") with
        {
            FromUserName = "fmessage",
            RecommendInfo = new WxRecommendInfo("@newfriend01", "小明", "我是小明", "v2_ticket@stranger"),
        };
        var item = Assert.IsType<WxFriendRequestItem>(WxMessageParser.Parse(raw, Raw.Self));
        Assert.Equal(new WxFriendRequestItem("@newfriend01", "小明", "我是小明", "v2_ticket@stranger"), item);
    }

    [Fact]
    public void Friend_request_without_RecommendInfo_is_dropped()
    {
        Assert.Null(WxMessageParser.Parse(Raw.FromFriend(37) with { FromUserName = "fmessage" }, Raw.Self));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Status_notify_2_and_4_list_the_user_names(int code)
    {
        var raw = Raw.FromFriend(51) with
        {
            FromUserName = Raw.Self,
            StatusNotifyCode = code,
            StatusNotifyUserName = $"{Raw.Group},{Raw.Friend},filehelper",
        };
        var item = Assert.IsType<WxStatusNotifyItem>(WxMessageParser.Parse(raw, Raw.Self));
        Assert.Equal(code, item.Code);
        Assert.Equal([Raw.Group, Raw.Friend, "filehelper"], item.UserNames);
    }

    [Fact]
    public void Status_notify_user_names_are_trimmed_and_empty_ones_dropped()
    {
        var raw = Raw.FromFriend(51) with { StatusNotifyCode = 4, StatusNotifyUserName = $" {Raw.Group} ,, {Raw.Friend},," };
        var item = Assert.IsType<WxStatusNotifyItem>(WxMessageParser.Parse(raw, Raw.Self));
        Assert.Equal([Raw.Group, Raw.Friend], item.UserNames);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Other_status_notify_codes_are_dropped(int code)
    {
        var raw = Raw.FromFriend(51) with { StatusNotifyCode = code, StatusNotifyUserName = Raw.Friend };
        Assert.Null(WxMessageParser.Parse(raw, Raw.Self));
    }
}
