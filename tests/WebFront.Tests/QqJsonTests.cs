using System.Text.Json.Nodes;
using OpenWxCluster.Media;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>Openqq messages and events (check_event and post_api), and Openqq's reply keys in post_api answers.</summary>
public sealed class QqJsonTests
{
    private static readonly ChatMessage GroupMessage = new()
    {
        Id = "7",
        Time = 1_700_000_000,
        Content = "测试一下",
        Type = "group_message",
        Class = "recv",
        Sender = "灰灰",
        SenderId = "20001",
        SenderUid = "20001",
        Receiver = "机器人",
        ReceiverId = "10001",
        ReceiverUid = "10001",
        Group = "PERL学习交流",
        GroupId = "30001",
        GroupUid = "30001",
    };

    private static readonly AccountEvent Received = new()
    {
        AccountKey = "qq/bot", Seq = 5, PostType = AccountEvent.ReceiveMessage, Message = GroupMessage,
        Time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_001),
    };

    private readonly MojoWebhookFormat _format = new(new FileMediaStore(
        new MediaStoreOptions { Folder = Path.Combine(Path.GetTempPath(), "openqq-webfront-tests-" + Environment.ProcessId) }, TimeProvider.System));

    [Fact]
    public void A_group_message_has_openqqs_fields_with_ids_and_numbers()
    {
        Assert.Equal(
            """{"id":"7","msg_id":"7","time":"1700000000","msg_time":"1700000000","content":"测试一下","type":"group_message","class":"recv","msg_class":"recv","format":"text","sender":"灰灰","sender_id":"20001","sender_uid":"20001","receiver":"机器人","receiver_id":"10001","receiver_uid":"10001","group":"PERL学习交流","group_id":"30001","group_uid":"30001","post_type":"receive_message"}""",
            MojoJson.Serialize(QqMessageJson.Message(GroupMessage, AccountEvent.ReceiveMessage)));
    }

    [Fact]
    public void A_sent_friend_message_has_no_group_and_falsy_values_are_empty()
    {
        var sent = new ChatMessage
        {
            Id = "8", Content = "0", Type = "friend_message", Class = "send", Sender = "机器人", SenderId = "10001",
            Receiver = "小灰", ReceiverId = "20001", ReceiverUid = "20001", Group = "ignored", GroupId = "1",
        };

        Assert.Equal(
            """{"id":"8","msg_id":"8","time":"","msg_time":"","content":"0","type":"friend_message","class":"send","msg_class":"send","format":"text","sender":"机器人","sender_id":"10001","sender_uid":"","receiver":"小灰","receiver_id":"20001","receiver_uid":"20001","post_type":"send_message"}""",
            MojoJson.Serialize(QqMessageJson.Message(sent, AccountEvent.SendMessage)));
    }

    [Fact]
    public void A_sess_message_names_the_group_it_came_through()
    {
        var sess = GroupMessage with { Type = "sess_message", Receiver = null, ReceiverId = null };

        var json = QqMessageJson.Message(sess, AccountEvent.ReceiveMessage);

        Assert.Equal("sess_message", (string?)json["type"]);
        Assert.Equal("30001", (string?)json["group_uid"]);
        Assert.False(json.ContainsKey("receiver"));
    }

    [Fact]
    public void Events_of_a_qq_account_render_openqq_objects_and_wechat_events_stay_openwx()
    {
        var member = QqTestData.PerlGroup.Members[2];
        var e = new AccountEvent
        {
            AccountKey = "qq/bot", Seq = 9, PostType = AccountEvent.EventPost, Event = "new_group_member",
            Params = [EventParam.OfMember(member), EventParam.Of(QqTestData.OtherGroup)],
            Time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_002),
        };
        var wx = e with { AccountKey = "wx/bot" };

        Assert.Equal(
            """{"post_type":"event","event":"new_group_member","params":["""
            + """{"id":"20003","uid":"20003","qq":"20003","name":"路人","sex":"","card":"甲","role":"attend","province":"","city":"","state":"","client_type":"","displayname":"甲"},"""
            + """{"id":"30002","gid":"30002","uid":"30002","gnumber":"30002","name":"闲聊","markname":"","owner_id":"20002","owner_uid":"20002","role":"","displayname":"闲聊","member":[]}],"""
            + "\"event_id\":\"qq/bot:9\",\"event_time\":1700000002}",
            MojoJson.Serialize(EventJson.Event(e)));
        Assert.False(EventJson.Event(wx)["params"]![0]!.AsObject().ContainsKey("qq"));
    }

    [Fact]
    public async Task A_qq_accounts_post_api_body_is_its_openqq_check_event_entry()
    {
        var body = await _format.RenderAsync(Received, includeMediaData: true, CancellationToken.None);

        Assert.Equal(MojoJson.Serialize(EventJson.Event(Received)), body);
        Assert.Equal("20001", (string?)JsonNode.Parse(body)!["sender_uid"]);
        Assert.Equal("qq/bot:5", (string?)JsonNode.Parse(body)!["event_id"]);
    }

    [Theory]
    [InlineData("""{"reply":"hi","shutup":1}""", 60)]
    [InlineData("""{"reply":"hi","shutup":true,"shutup_time":120}""", 120)]
    [InlineData("""{"reply":"hi","shutup":"1","shutup_time":"600"}""", 600)]
    [InlineData("""{"reply":"hi","shutup":1,"shutup_time":5}""", 60)]
    [InlineData("""{"reply":"hi","shutup":1,"shutup_time":99999999}""", 2_592_000)]
    [InlineData("""{"reply":"hi","shutup":1,"shutup_time":"2m"}""", 60)]
    [InlineData("""{"reply":"hi","shutup":1,"shutup_time":90.5}""", 60)]
    [InlineData("""{"reply":"hi","shutup":1,"shutup_time":-120}""", 60)]
    public void Shutup_is_read_in_seconds_bounded_to_60_s_to_30_days(string body, int seconds)
    {
        var reply = _format.ReadReply(AccountKey.QQ, "application/json", body);

        Assert.Equal(new WebhookReply("hi", null, TimeSpan.FromSeconds(seconds)), reply);
    }

    [Theory]
    [InlineData("""{"reply":"hi"}""")]
    [InlineData("""{"reply":"hi","shutup":0,"shutup_time":120}""")]
    [InlineData("""{"reply":"hi","shutup":false}""")]
    [InlineData("""{"reply":"hi","shutup":"yes"}""")]
    public void Without_shutup_1_or_true_nobody_is_muted(string body)
    {
        Assert.Equal(new WebhookReply("hi", null), _format.ReadReply(AccountKey.QQ, "application/json", body));
    }

    [Fact]
    public void Shutup_without_a_reply_is_no_reply_as_in_mojo()
    {
        Assert.Null(_format.ReadReply(AccountKey.QQ, "application/json", """{"shutup":1}"""));
    }

    [Fact]
    public async Task Check_event_under_openqq_reads_the_qq_inbox_and_renders_openqq_json()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.RunningBot("bot");
        host.Grains.QqInbox("bot").Add(Received);

        var (_, body) = await host.GetTextAsync("/openqq/check_event?client=bot");

        Assert.Equal("[" + MojoJson.Serialize(EventJson.Event(Received)) + "]", body);
        Assert.Contains("\"group_uid\":\"30001\"", body, StringComparison.Ordinal);
        Assert.Contains("IEventInboxGrain/qq/bot", host.Grains.Lookups);
    }
}
