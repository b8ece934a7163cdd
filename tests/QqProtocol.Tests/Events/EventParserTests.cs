using System.Text;
using OpenWxCluster.QqProtocol.Events;

namespace OpenWxCluster.QqProtocol.Tests.Events;

public sealed class EventParserTests
{
    [Fact]
    public void Group_message_in_array_form_keeps_segments_and_sender_card_and_role()
    {
        var e = Assert.IsType<QqGroupMessageEvent>(OneBotEventParser.Parse(
            """{"time":1,"self_id":10001,"post_type":"message","message_type":"group","sub_type":"normal","message_id":5,"group_id":"100","user_id":42,"message":[{"type":"at","data":{"qq":"10001"}},{"type":"text","data":{"text":" hi"}}],"raw_message":"[CQ:at,qq=10001] hi","sender":{"user_id":42,"nickname":"n","card":"Card","role":"admin"}}"""u8));

        Assert.Equal((10001L, 100L, 42L, 5L), (e.SelfId, e.GroupId, e.UserId, e.MessageId));
        Assert.Equal(["at", "text"], e.Message.Select(s => s.Type));
        Assert.Equal(new QqSender(42, "n", "Card", QqGroupRole.Admin), e.Sender);
    }

    [Fact]
    public void Private_message_in_string_form_is_parsed_from_cq_codes_with_unescaping()
    {
        var e = Assert.IsType<QqPrivateMessageEvent>(OneBotEventParser.Parse(
            """{"time":1,"self_id":1,"post_type":"message","message_type":"private","sub_type":"friend","message_id":7,"user_id":42,"message":"a&#91;b&#93;[CQ:face,id=14]","raw_message":"","sender":{"nickname":"n"}}"""));

        Assert.Equal("a[b]", e.Message[0].Get("text"));
        Assert.Equal(("face", "14"), (e.Message[1].Type, e.Message[1].Get("id")));
        Assert.Equal(42, e.Sender.UserId);
    }

    [Theory]
    [InlineData("""{"post_type":"notice","notice_type":"group_increase","sub_type":"invite","group_id":1,"user_id":2,"operator_id":3}""", true)]
    [InlineData("""{"post_type":"notice","notice_type":"group_decrease","sub_type":"kick","group_id":1,"user_id":2,"operator_id":3}""", false)]
    public void Member_changes(string json, bool joined)
    {
        var e = Assert.IsType<QqGroupMemberChangeEvent>(OneBotEventParser.Parse(json));
        Assert.Equal((joined, 1L, 2L, 3L), (e.Joined, e.GroupId, e.UserId, e.OperatorId));
    }

    [Fact]
    public void Ban_recalls_friend_add_and_bot_offline()
    {
        var ban = Assert.IsType<QqGroupBanEvent>(OneBotEventParser.Parse(
            """{"post_type":"notice","notice_type":"group_ban","sub_type":"ban","group_id":1,"user_id":2,"operator_id":3,"duration":600}"""));
        Assert.Equal(600, ban.DurationSeconds);

        var groupRecall = Assert.IsType<QqRecallEvent>(OneBotEventParser.Parse(
            """{"post_type":"notice","notice_type":"group_recall","group_id":1,"user_id":2,"operator_id":3,"message_id":9}"""));
        Assert.Equal((1L, 3L, 9L), (groupRecall.GroupId, groupRecall.OperatorId, groupRecall.MessageId));

        var friendRecall = Assert.IsType<QqRecallEvent>(OneBotEventParser.Parse(
            """{"post_type":"notice","notice_type":"friend_recall","user_id":2,"message_id":8}"""));
        Assert.Equal((0L, 2L, 8L), (friendRecall.GroupId, friendRecall.OperatorId, friendRecall.MessageId));

        var card = Assert.IsType<QqGroupCardEvent>(OneBotEventParser.Parse(
            """{"post_type":"notice","notice_type":"group_card","group_id":1,"user_id":2,"card_new":"new","card_old":"old"}"""));
        Assert.Equal((1L, 2L, "new", "old"), (card.GroupId, card.UserId, card.CardNew, card.CardOld));

        Assert.Equal(2, Assert.IsType<QqFriendAddEvent>(OneBotEventParser.Parse(
            """{"post_type":"notice","notice_type":"friend_add","user_id":2}""")).UserId);

        var offline = Assert.IsType<QqBotOfflineEvent>(OneBotEventParser.Parse(
            """{"time":1,"self_id":5,"post_type":"notice","notice_type":"bot_offline","user_id":5,"tag":"被下线","message":"risk"}"""));
        Assert.Equal(("被下线", "risk", 5L), (offline.Tag, offline.Message, offline.SelfId));
    }

    [Fact]
    public void Meta_events_lifecycle_and_heartbeat_with_online()
    {
        Assert.Equal("connect", Assert.IsType<QqLifecycleEvent>(OneBotEventParser.Parse(
            """{"post_type":"meta_event","meta_event_type":"lifecycle","sub_type":"connect"}""")).SubType);

        var hb = Assert.IsType<QqHeartbeatEvent>(OneBotEventParser.Parse(
            """{"post_type":"meta_event","meta_event_type":"heartbeat","status":{"online":false,"good":true},"interval":15000}"""));
        Assert.Equal((new QqStatus(false, true), 15000L), (hb.Status, hb.IntervalMs));
    }

    [Fact]
    public void Unknown_events_are_kept_as_other_with_raw_json()
    {
        var json = """{"time":1,"self_id":2,"post_type":"request","request_type":"friend","user_id":3,"comment":"hi","flag":"f"}""";
        var e = Assert.IsType<QqOtherEvent>(OneBotEventParser.Parse(json));
        Assert.Equal(("request", "friend"), (e.PostType, e.DetailType));
        Assert.Contains("\"flag\":\"f\"", e.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Signature_verifies_the_raw_body_and_rejects_changes()
    {
        var body = Encoding.UTF8.GetBytes("""{"post_type":"meta_event" , "x":1}""");
        var header = OneBotSignature.Compute("sec", body);

        Assert.StartsWith("sha1=", header, StringComparison.Ordinal);
        Assert.Equal(45, header.Length);
        Assert.True(OneBotSignature.Verify("sec", body, header));
        Assert.True(OneBotSignature.Verify("sec", body, header.ToUpperInvariant().Replace("SHA1=", "sha1=", StringComparison.Ordinal)));
        Assert.False(OneBotSignature.Verify("other", body, header));
        Assert.False(OneBotSignature.Verify("sec", Encoding.UTF8.GetBytes("""{"post_type":"meta_event","x":1}"""), header));
        Assert.False(OneBotSignature.Verify("sec", body, null));
    }

    [Fact]
    public void Signature_matches_a_known_hmac_sha1_vector()
    {
        // RFC 2202 test case 2: key "Jefe", data "what do ya want for nothing?".
        Assert.Equal("sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
            OneBotSignature.Compute("Jefe", "what do ya want for nothing?"u8));
    }
}
