using OpenWxCluster.QqProtocol.Events;

namespace OpenWxCluster.QqProtocol.Tests.Events;

public sealed class DiscussEventParserTests
{
    [Fact]
    public void A_discuss_message_keeps_its_discuss_sender_and_segments_with_string_ids()
    {
        var e = Assert.IsType<QqDiscussMessageEvent>(OneBotEventParser.Parse(
            """{"time":3,"self_id":10001,"post_type":"message","message_type":"discuss","message_id":9,"discuss_id":"40001","user_id":42,"message":[{"type":"text","data":{"text":"hi"}},{"type":"face","data":{"id":"14"}}],"raw_message":"hi[CQ:face,id=14]","font":0,"sender":{"user_id":42,"nickname":"Ann"}}"""u8));

        Assert.Equal((3L, 10001L, 9L, 40001L, 42L), (e.Time, e.SelfId, e.MessageId, e.DiscussId, e.UserId));
        Assert.Equal(["text", "face"], e.Message.Select(s => s.Type));
        Assert.Equal(("Ann", ""), (e.Sender.Nickname, e.Sender.Card));
        Assert.Equal("hi[CQ:face,id=14]", e.RawMessage);
    }

    [Fact]
    public void A_discuss_message_in_string_form_without_sender_takes_the_user_id()
    {
        var e = Assert.IsType<QqDiscussMessageEvent>(OneBotEventParser.Parse(
            """{"time":3,"self_id":1,"post_type":"message","message_type":"discuss","message_id":10,"discuss_id":7,"user_id":42,"message":"a&#91;b&#93;"}"""));

        Assert.Equal((7L, 42L, "a[b]"), (e.DiscussId, e.Sender.UserId, e.Message[0].Get("text")));
    }
}
