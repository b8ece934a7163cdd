using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>
/// check_event answers and post_api bodies are written from <see cref="MojoFields"/> straight to the output; the tree
/// forms (event parameters, tests) come from the same fields. Both must give the same text, and the fields must keep
/// a JsonObject's rules, which the Mojo entries depend on.
/// </summary>
public sealed class EventWriterTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    public static TheoryData<string> Cases => [.. Corpus().Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_written_entry_is_its_tree_byte_for_byte(string name)
    {
        var (accountEvent, mediaData) = Corpus()[name];
        var tree = EventJson.Event(accountEvent);
        if (mediaData is not null)
        {
            tree[MediaFields.Data] = mediaData;
        }

        Assert.Equal(MojoJson.Serialize(tree), EventJson.Serialize(accountEvent, mediaData));
    }

    [Fact]
    public void An_extra_key_named_like_a_later_field_keeps_its_place_and_takes_that_fields_value()
    {
        var message = new ChatMessage
        {
            Id = "m",
            Type = "friend_message",
            Class = "recv",
            Format = "text",
            Source = "outer",
            From = "contact",
            Sender = "Alice",
            Extra = new Dictionary<string, string> { ["sender"] = "from extra", ["content"] = "shadow", ["media_path"] = "/p" },
        };

        var written = EventJson.Serialize(
            new AccountEvent { AccountKey = "wx/default", Seq = 9, Time = At, PostType = AccountEvent.ReceiveMessage, Message = message },
            mediaData: "AQI=");

        // Core fields win over Extra ("content"); the sender block overwrites Extra's "sender" where Extra put it.
        Assert.Equal(
            """{"id":"m","time":"","content":"","type":"friend_message","class":"recv","format":"text","source":"outer","from":"contact","sender":"Alice","media_path":"/p","sender_account":"","sender_uid":"","sender_name":"","sender_markname":"","sender_category":"","post_type":"receive_message","event_id":"wx/default:9","event_time":1700000000,"media_data":"AQI="}""",
            written);
    }

    [Fact]
    public void Fields_replace_in_place_and_try_add_keeps_the_first()
    {
        var fields = new MojoFields();
        fields.Set("a", "1");
        fields.Set("b", 2);
        Assert.False(fields.TryAdd("a", "ignored"));
        Assert.True(fields.TryAdd("c", null));
        fields.Set("a", new JsonArray(1, "x"));
        fields.Set("b", "two");

        Assert.Equal("""{"a":[1,"x"],"b":"two","c":null}""", MojoJson.Write(fields.WriteTo));
        Assert.Equal("""{"a":[1,"x"],"b":"two","c":null}""", MojoJson.Serialize(fields.ToJsonObject()));
    }

    [Fact]
    public void Bodies_written_one_after_another_on_a_thread_never_carry_bytes_of_the_one_before()
    {
        var first = Message("wx/default", 1, new ChatMessage { Id = "big", Content = "with media", Extra = new Dictionary<string, string> { ["media_path"] = "/m" } });
        var second = Message("wx/default", 2, new ChatMessage { Id = "small", Content = "短" });
        var mediaData = new string('A', 100_000); // grows the thread's buffer past what it keeps

        var big = EventJson.Serialize(first, mediaData);
        Assert.Throws<InvalidOperationException>(() => MojoJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("half", "written");
            throw new InvalidOperationException("a writer that fails half-way");
        }));
        var small = EventJson.Serialize(second, null);
        var again = EventJson.Serialize(second, null);

        var bigTree = EventJson.Event(first);
        bigTree[MediaFields.Data] = mediaData;
        Assert.Equal(MojoJson.Serialize(bigTree), big);
        Assert.Equal(MojoJson.Serialize(EventJson.Event(second)), small);
        Assert.Equal(small, again);
    }

    [Fact]
    public void A_check_event_answer_has_the_lost_entry_first_then_each_entry_with_its_media_data()
    {
        var events = new[]
        {
            new AccountEvent { AccountKey = "wx/default", Seq = 5, Time = At, PostType = AccountEvent.ReceiveMessage, Message = new ChatMessage { Id = "a", Content = "一" } },
            new AccountEvent { AccountKey = "wx/default", Seq = 6, Time = At, PostType = AccountEvent.ReceiveMessage, Message = new ChatMessage { Id = "b", Content = "二" } },
        };

        var answer = EventJson.Reply(new EventGap(1, 4, At), "wx/default", events, [null, "AAE="]).ToNode()!.AsArray();

        Assert.Equal(3, answer.Count);
        Assert.Equal("events_lost", (string?)answer[0]!["event"]);
        Assert.Equal(["wx/default:5", "wx/default:6"], answer.Skip(1).Select(e => (string?)e!["event_id"]));
        Assert.False(answer[1]!.AsObject().ContainsKey(MediaFields.Data));
        Assert.Equal("AAE=", (string?)answer[2]![MediaFields.Data]);
    }

    private static Dictionary<string, (AccountEvent Event, string? MediaData)> Corpus()
    {
        var wxGroup = new ChatMessage
        {
            Id = "10856", Time = 1442542632, Content = "测试 \"quoted\" \n <b>&", Type = "group_message", Class = "recv", Format = "text",
            Source = "outer", SenderId = "@2372835507", ReceiverId = "@4072574066", GroupId = "@@2617047292", Sender = "灰灰",
            SenderName = "灰灰", Receiver = "小灰", Group = "PERL学习交流", GroupName = "PERL学习交流",
            Extra = new Dictionary<string, string> { ["media_path"] = "/m/1", ["id"] = "shadow", ["group"] = "extra group" },
        };
        var qqDiscuss = new ChatMessage
        {
            Id = "77", Time = 1, Content = "hi", Type = "discuss_message", Class = "recv", Sender = "bob", SenderId = "2", GroupId = "d9", GroupName = "talk",
        };
        var qqRevoke = new ChatMessage
        {
            Id = "78", Type = "group_message", Format = "revoke", Group = "g", GroupId = "g1", Extra = new Dictionary<string, string> { ["revoke_id"] = "70" },
        };
        return new()
        {
            ["wx group message with extra and media data"] = (Message("wx/default", 1, wxGroup), "AQIDBA=="),
            ["wx message without media data"] = (Message("wx/default", 2, wxGroup), null),
            ["wx content null"] = (Message("wx/default", 3, new ChatMessage { Id = "n", Content = null! }), null),
            ["qq discuss message"] = (Message("qq/bot", 4, qqDiscuss), null),
            ["qq revoke"] = (Message("qq/bot", 5, qqRevoke), null),
            ["message post without message"] = (new AccountEvent { AccountKey = "wx/default", Seq = 6, Time = At, PostType = AccountEvent.SendMessage }, null),
            ["wx event with params"] = (new AccountEvent
            {
                AccountKey = "wx/default", Seq = 7, Time = At, PostType = AccountEvent.EventPost, Event = "new_group_member",
                Params = [EventParam.OfMember(new ContactInfo { Id = "@m", Display = "灰太狼" }), EventParam.Of("x"), EventParam.Of(1), new EventParam(), EventParam.Of(new GroupInfo { Id = "@@g" })],
            }, null),
            ["qq event with params"] = (new AccountEvent
            {
                AccountKey = "qq/bot", Seq = 8, Time = At, PostType = AccountEvent.EventPost, Event = "new_friend",
                Params = [EventParam.Of(new ContactInfo { Id = "10001", Name = "n" })],
            }, null),
        };
    }

    private static AccountEvent Message(string key, long seq, ChatMessage message) =>
        new() { AccountKey = key, Seq = seq, Time = At, PostType = AccountEvent.ReceiveMessage, Message = message };
}
