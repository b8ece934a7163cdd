using OpenWxCluster.QqProtocol.Messages;

namespace OpenWxCluster.QqProtocol.Tests.Messages;

public sealed class MojoMessageTextTests
{
    [Fact]
    public void Segments_render_as_mojo_webqq_showed_them()
    {
        OneBotSegment[] segments =
        [
            OneBotSegment.Reply(3), OneBotSegment.At("42"), OneBotSegment.Text(" hi "), OneBotSegment.Face(14), OneBotSegment.Face(999),
            OneBotSegment.Image("http://img/1.png"), OneBotSegment.At("all"), new OneBotSegment("record", new Dictionary<string, string>()),
        ];

        Assert.Equal("@Bob hi [微笑][系统表情][图片]@全体成员[未识别内容]",
            MojoMessageText.ToMojoText(segments, id => id == 42 ? "Bob" : null));
        Assert.Equal("@43", MojoMessageText.ToMojoText([OneBotSegment.At("43")]));
        Assert.Equal(3, MojoMessageText.ReplyTo(segments));
        Assert.Equal(["http://img/1.png"], MojoMessageText.ImageUrls(segments));
    }

    [Fact]
    public void Cq_text_from_a_string_event_reaches_mojo_unescaped_as_literal_text()
    {
        Assert.Equal("[CQ:at,qq=all]", MojoMessageText.ToMojoText(CqCode.Parse("&#91;CQ:at,qq=all&#93;")));
    }

    [Fact]
    public void Mojo_text_becomes_text_and_known_faces_only()
    {
        var segments = MojoMessageText.FromMojoText("a[微笑]b[不是表情][CQ:face,id=1]", replyTo: 9, imageUrls: ["https://x/y.png"]);

        Assert.Equal(["reply", "text", "face", "text", "image"], segments.Select(s => s.Type));
        Assert.Equal("14", segments[2].Get("id"));
        Assert.Equal("b[不是表情][CQ:face,id=1]", segments[3].Get("text"));
        Assert.Equal("https://x/y.png", segments[4].Get("file"));
    }

    [Fact]
    public void Only_http_image_urls_are_accepted()
    {
        Assert.Throws<ArgumentException>(() => MojoMessageText.FromMojoText("x", imageUrls: ["file:///etc/passwd"]));
    }

    [Fact]
    public void Face_names_map_both_ways()
    {
        Assert.All(MojoFaces.NameById, p => Assert.Equal(p.Key, MojoFaces.IdByName[p.Value]));
        Assert.Equal("微笑", MojoFaces.NameById[14]);
    }
}
