namespace OpenWxCluster.Protocol.Tests.Parser;

public sealed class MediaAndAppTests
{
    private const string ImageXml = "&lt;?xml version=\"1.0\"?&gt;<br/>&lt;msg&gt;<br/>\t&lt;img aeskey=\"abc\" encryver=\"1\" "
        + "length=\"52341\" md5=\"d41d8cd98f00b204e9800998ecf8427e\" /&gt;<br/>&lt;/msg&gt;<br/>";

    [Theory]
    [InlineData(3, "image", "[图片]")]
    [InlineData(34, "voice", "[语音]")]
    [InlineData(43, "video", "[视频]")]
    [InlineData(47, "emoticon", "[表情]")]
    [InlineData(62, "microvideo", "[小视频]")]
    public void Media_types_get_code_id_and_placeholder(int msgType, string mediaType, string content)
    {
        var m = Raw.Message(Raw.FromFriend(msgType, ImageXml));
        Assert.Equal("media", m.Format);
        Assert.Equal(mediaType, m.MediaType);
        Assert.Equal(msgType, m.MediaCode);
        Assert.Equal($"6583429473623521098:{msgType}", m.MediaId);
        Assert.Equal(content, m.Content);
    }

    [Fact]
    public void Group_image_keeps_the_sender_from_the_prefix()
    {
        var m = Raw.Message(Raw.FromGroup(3, $"{Raw.Member}:<br/>{ImageXml}"));
        Assert.Equal(Raw.Member, m.SenderId);
        Assert.Equal("[图片]", m.Content);
        Assert.Equal("group_message", m.Type);
    }

    [Fact]
    public void File_appmsg_is_media_file_with_the_server_media_id()
    {
        var raw = Raw.FromFriend(49, "&lt;msg&gt;&lt;appmsg appid=\"\" sdkver=\"0\"&gt;&lt;title&gt;报告.pdf&lt;/title&gt;&lt;type&gt;6&lt;/type&gt;"
            + "&lt;appattach&gt;&lt;totallen&gt;204800&lt;/totallen&gt;&lt;fileext&gt;pdf&lt;/fileext&gt;&lt;/appattach&gt;&lt;/appmsg&gt;&lt;/msg&gt;") with
        {
            AppMsgType = 6,
            FileName = "报告.pdf",
            FileSize = "204800",
            MediaId = "@crypt_5c1a2b3c_4d5e6f",
        };
        var m = Raw.Message(raw);
        Assert.Equal("media", m.Format);
        Assert.Equal("file", m.MediaType);
        Assert.Equal(6, m.MediaCode);
        Assert.Equal("@crypt_5c1a2b3c_4d5e6f:6", m.MediaId);
        Assert.Equal("报告.pdf", m.MediaName);
        Assert.Equal("204800", m.MediaSize);
        Assert.Equal("[文件]", m.Content);
    }

    [Fact]
    public void File_appmsg_without_file_name_and_size_takes_them_from_the_xml()
    {
        var raw = Raw.FromFriend(49, "&lt;msg&gt;&lt;appmsg appid=\"\" sdkver=\"0\"&gt;&lt;title&gt;报告.pdf&lt;/title&gt;&lt;type&gt;6&lt;/type&gt;"
            + "&lt;appattach&gt;&lt;totallen&gt;204800&lt;/totallen&gt;&lt;/appattach&gt;&lt;/appmsg&gt;&lt;/msg&gt;") with
        {
            AppMsgType = 6,
            MediaId = "@crypt_1",
        };
        var m = Raw.Message(raw);
        Assert.Equal("报告.pdf", m.MediaName);
        Assert.Equal("204800", m.MediaSize);
    }

    [Fact]
    public void File_name_and_size_fields_win_over_the_xml()
    {
        var raw = Raw.FromFriend(49, "&lt;msg&gt;&lt;appmsg&gt;&lt;title&gt;old.pdf&lt;/title&gt;"
            + "&lt;appattach&gt;&lt;totallen&gt;1&lt;/totallen&gt;&lt;/appattach&gt;&lt;/appmsg&gt;&lt;/msg&gt;") with
        {
            AppMsgType = 6,
            FileName = "new.pdf",
            FileSize = "2",
        };
        var m = Raw.Message(raw);
        Assert.Equal(("new.pdf", "2"), (m.MediaName, m.MediaSize));
    }

    [Fact]
    public void Well_formed_link_xml_without_description_or_app_name_reports_them_unknown()
    {
        var raw = Raw.FromFriend(49, "&lt;msg&gt;&lt;appmsg appid=\"\"&gt;&lt;title&gt;T&lt;/title&gt;&lt;url&gt;http://u&lt;/url&gt;&lt;/appmsg&gt;&lt;/msg&gt;")
            with { AppMsgType = 5 };
        var m = Raw.Message(raw);
        Assert.Equal(("", "", ""), (m.AppDesc, m.AppName, m.AppId));
        Assert.Equal("[应用分享]标题：T\n[应用分享]描述：未知\n[应用分享]应用：未知\n[应用分享]链接：http://u", m.Content);
    }

    [Fact]
    public void Link_appmsg_is_an_app_message_with_four_lines()
    {
        const string xml = "&lt;?xml version=\"1.0\"?&gt;<br/>&lt;msg&gt;<br/>&lt;appmsg appid=\"wx6618f1cfc6c132f8\" sdkver=\"0\"&gt;<br/>"
            + "&lt;title&gt;Orleans 10 released&lt;/title&gt;<br/>&lt;des&gt;What's new &amp;amp; changed&lt;/des&gt;<br/>"
            + "&lt;type&gt;5&lt;/type&gt;<br/>&lt;url&gt;https://example.com/post?a=1&amp;amp;b=2&lt;/url&gt;<br/>&lt;/appmsg&gt;<br/>"
            + "&lt;appinfo&gt;<br/>&lt;version&gt;1&lt;/version&gt;<br/>&lt;appname&gt;知乎&lt;/appname&gt;<br/>&lt;/appinfo&gt;<br/>&lt;/msg&gt;";
        var m = Raw.Message(Raw.FromGroup(49, $"{Raw.Member}:<br/>{xml}") with { AppMsgType = 5 });
        Assert.Equal("app", m.Format);
        Assert.Equal(Raw.Member, m.SenderId);
        Assert.Equal("Orleans 10 released", m.AppTitle);
        Assert.Equal("What's new & changed", m.AppDesc);
        Assert.Equal("https://example.com/post?a=1&b=2", m.AppUrl);
        Assert.Equal("知乎", m.AppName);
        Assert.Equal("wx6618f1cfc6c132f8", m.AppId);
        Assert.Equal(
            "[应用分享]标题：Orleans 10 released\n[应用分享]描述：What's new & changed\n[应用分享]应用：知乎\n[应用分享]链接：https://example.com/post?a=1&b=2",
            m.Content);
    }

    [Fact]
    public void Malformed_link_xml_still_yields_fields()
    {
        var raw = Raw.FromFriend(49, "&lt;msg&gt;&lt;appmsg appid=\"wx1\"&gt;&lt;title&gt;T&lt;/title&gt;&lt;des&gt;D&lt;/des&gt;&lt;url&gt;http://u&lt;/url&gt;&lt;br&gt;")
            with { AppMsgType = 5 };
        var m = Raw.Message(raw);
        Assert.Equal("T", m.AppTitle);
        Assert.Equal("D", m.AppDesc);
        Assert.Equal("http://u", m.AppUrl);
        Assert.Equal("wx1", m.AppId);
    }

    [Fact]
    public void Malformed_link_xml_reads_cdata_and_leaves_missing_fields_unknown()
    {
        var raw = Raw.FromFriend(49, "&lt;msg&gt;&lt;appmsg appid=\"wx1\"&gt;&lt;title&gt;&lt;![CDATA[ T &amp; U ]]&gt;&lt;/title&gt;&lt;br&gt;")
            with { AppMsgType = 5, Url = "http://fallback/?a=1&amp;b=2" };
        var m = Raw.Message(raw);
        Assert.Equal("T & U", m.AppTitle);
        Assert.Equal("", m.AppDesc);
        Assert.Equal("", m.AppName);
        Assert.Equal("http://fallback/?a=1&b=2", m.AppUrl);
        Assert.Equal("[应用分享]标题：T & U\n[应用分享]描述：未知\n[应用分享]应用：未知\n[应用分享]链接：http://fallback/?a=1&b=2", m.Content);
    }

    [Fact]
    public void Line_breaks_inside_app_xml_values_are_kept()
    {
        var raw = Raw.FromFriend(49, "&lt;msg&gt;&lt;appmsg appid=\"\"&gt;&lt;title&gt;T&lt;/title&gt;&lt;des&gt;line1<br/>line2&lt;/des&gt;"
            + "&lt;url&gt;http://u&lt;/url&gt;&lt;/appmsg&gt;&lt;/msg&gt;") with { AppMsgType = 5 };
        var m = Raw.Message(raw);
        Assert.Equal("line1\nline2", m.AppDesc);
    }

    [Fact]
    public void Transfer_appmsg_is_a_payment()
    {
        var raw = Raw.FromFriend(49, "&lt;msg&gt;&lt;appmsg appid=\"\" sdkver=\"\"&gt;&lt;title&gt;&lt;![CDATA[微信转账]]&gt;&lt;/title&gt;"
            + "&lt;des&gt;&lt;![CDATA[收到转账0.01元。如需收钱，请点此升级至最新版本]]&gt;&lt;/des&gt;&lt;type&gt;2000&lt;/type&gt;&lt;/appmsg&gt;&lt;/msg&gt;")
            with { AppMsgType = 2000 };
        var m = Raw.Message(raw);
        Assert.Equal("payment", m.Format);
        Assert.Equal("[转账](收到转账0.01元。如需收钱，请点此升级至最新版本)", m.Content);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(33)]
    [InlineData(2001)]
    public void Other_appmsg_types_are_dropped(int appMsgType)
    {
        var raw = Raw.FromFriend(49, "&lt;msg&gt;&lt;appmsg&gt;&lt;title&gt;x&lt;/title&gt;&lt;/appmsg&gt;&lt;/msg&gt;") with { AppMsgType = appMsgType };
        Assert.Null(WxMessageParser.Parse(raw, Raw.Self));
    }
}
