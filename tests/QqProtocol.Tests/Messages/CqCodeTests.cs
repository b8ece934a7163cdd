using OpenWxCluster.QqProtocol.Messages;

namespace OpenWxCluster.QqProtocol.Tests.Messages;

public sealed class CqCodeTests
{
    [Fact]
    public void Parse_splits_text_and_codes_and_unescapes_params()
    {
        var segments = CqCode.Parse("hi [CQ:at,qq=42] [CQ:image,file=a&#44;b.png,url=http://x/y?a=1&amp;b=2]");

        Assert.Equal(["text", "at", "text", "image"], segments.Select(s => s.Type));
        Assert.Equal("42", segments[1].Get("qq"));
        Assert.Equal("a,b.png", segments[3].Get("file"));
        Assert.Equal("http://x/y?a=1&b=2", segments[3].Get("url"));
    }

    [Fact]
    public void User_text_that_looks_like_a_code_round_trips_as_text()
    {
        var text = "[CQ:at,qq=all] & &#91; ]";
        var formatted = CqCode.Format([OneBotSegment.Text(text)]);

        Assert.DoesNotContain("[CQ:", formatted, StringComparison.Ordinal);
        var back = Assert.Single(CqCode.Parse(formatted));
        Assert.Equal(("text", text), (back.Type, back.Get("text")));
    }

    [Fact]
    public void Format_escapes_commas_in_params_and_an_unterminated_code_stays_text()
    {
        Assert.Equal("[CQ:image,file=a&#44;b]", CqCode.Format([OneBotSegment.Image("a,b")]));
        Assert.Equal("[CQ:face,id=1", Assert.Single(CqCode.Parse("[CQ:face,id=1")).Get("text"));
    }
}
