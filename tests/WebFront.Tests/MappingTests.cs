using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront.Tests;

public sealed class MappingTests
{
    private static string[] Keys(JsonObject json) => [.. json.Select(p => p.Key)];

    [Fact]
    public void Friend_has_exactly_mojos_fields_in_snake_case()
    {
        var json = ContactJson.Friend(TestData.Xiaohui);

        Assert.Equal(
            ["id", "uid", "name", "account", "province", "city", "signature", "sex", "display", "markname", "category", "displayname"],
            Keys(json));
        Assert.Equal("@00227d73fa6b8326f69bca419db7a05c", (string?)json["id"]);
        Assert.Equal("", (string?)json["uid"]);
        Assert.Equal("好友", (string?)json["category"]);
        Assert.Equal("male", (string?)json["sex"]);
    }

    [Fact]
    public void User_and_member_have_no_category()
    {
        Assert.DoesNotContain("category", Keys(ContactJson.User(TestData.WxPay)));
        Assert.DoesNotContain("category", Keys(ContactJson.Member(TestData.PerlGroup.Members[0])));
        Assert.Contains("displayname", Keys(ContactJson.User(TestData.WxPay)));
    }

    [Theory]
    [InlineData("card", "mark", "name", "card")]
    [InlineData("", "mark", "name", "mark")]
    [InlineData("", "", "name", "name")]
    [InlineData("", "", "", "昵称未知")]
    public void Contact_displayname_prefers_display_then_markname_then_name(string display, string markname, string name, string expected)
    {
        var contact = new ContactInfo { Id = "@x", Display = display, Markname = markname, Name = name };

        Assert.Equal(expected, (string?)ContactJson.Friend(contact)["displayname"]);
    }

    [Fact]
    public void Group_has_mojos_fields_and_members_with_their_card_as_displayname()
    {
        var json = GroupJson.Group(TestData.PerlGroup);

        Assert.Equal(["id", "uid", "name", "owner_uid", "displayname", "member"], Keys(json));
        Assert.Equal("PERL学习交流", (string?)json["displayname"]);
        var members = json["member"]!.AsArray();
        Assert.Equal(2, members.Count);
        Assert.Equal("狼堡主", (string?)members[0]!["displayname"]);
        Assert.Equal("灰太狼", (string?)members[0]!["markname"]);
        Assert.Equal("", (string?)members[0]!["name"]);
        Assert.Equal("喜羊羊", (string?)members[1]!["displayname"]);
    }

    [Fact]
    public void Unnamed_group_is_named_after_its_first_three_members_and_an_empty_one_is_unknown()
    {
        Assert.Equal("甲、乙、昵称未知", (string?)GroupJson.Group(TestData.UnnamedGroup)["displayname"]);
        Assert.Equal("群名未知", (string?)GroupJson.Group(new GroupInfo { Id = "@@e" })["displayname"]);
    }

    [Fact]
    public void Basic_group_leaves_out_members()
    {
        var json = GroupJson.GroupsReply([TestData.PerlGroup], withMembers: false).ToNode()!.AsArray();

        Assert.Equal(["id", "uid", "name", "owner_uid", "displayname"], Keys(json[0]!.AsObject()));
    }

    [Fact]
    public void Received_group_message_has_to_json_hash_fields_and_post_type()
    {
        var message = new ChatMessage
        {
            Id = "10856",
            Time = 1442542632,
            Content = "测试一下",
            Type = "group_message",
            Class = "recv",
            Format = "text",
            Source = "outer",
            SenderId = "@2372835507",
            ReceiverId = "@4072574066",
            GroupId = "@@2617047292",
            Sender = "灰灰",
            SenderName = "灰灰",
            SenderCategory = "好友",
            Receiver = "小灰",
            ReceiverName = "小灰",
            Group = "PERL学习交流",
            GroupName = "PERL学习交流",
        };

        var json = MessageJson.Message(message, AccountEvent.ReceiveMessage);

        Assert.Equal(
            ["id", "time", "content", "type", "class", "format", "source", "from", "sender_id", "receiver_id", "group_id",
             "sender", "sender_account", "sender_uid", "sender_name", "sender_markname", "sender_category",
             "receiver", "receiver_account", "receiver_uid", "receiver_name", "receiver_markname",
             "group", "group_uid", "group_name", "post_type"],
            Keys(json));
        Assert.Equal("1442542632", (string?)json["time"]);
        Assert.Equal("none", (string?)json["from"]);
        Assert.Equal("receive_message", (string?)json["post_type"]);
        Assert.Equal("", (string?)json["sender_account"]);
        Assert.Equal("", (string?)json["sender_markname"]);
        Assert.Equal("", (string?)json["sender_uid"]);
        Assert.Equal("", (string?)json["receiver_uid"]);
        Assert.Equal("", (string?)json["group_uid"]);
    }

    [Fact]
    public void Falsy_message_values_become_empty_strings_and_unset_ids_are_left_out()
    {
        var message = new ChatMessage
        {
            Id = "1",
            Time = 0,
            Content = "0",
            Source = "",
            SenderId = "",
            Extra = new Dictionary<string, string> { ["media_id"] = "0", ["app_title"] = "标题", ["id"] = "shadow" },
        };

        var json = MessageJson.Message(message, AccountEvent.SendMessage);

        Assert.Equal("", (string?)json["time"]);
        Assert.Equal("", (string?)json["source"]);
        Assert.Equal("", (string?)json["sender_id"]);
        Assert.False(json.ContainsKey("receiver_id"));
        Assert.False(json.ContainsKey("group_id"));
        Assert.Equal("", (string?)json["media_id"]);
        Assert.Equal("标题", (string?)json["app_title"]);
        Assert.Equal("1", (string?)json["id"]);
        // The text "0" is kept (Mojo would blank it; see MessageJson).
        Assert.Equal("0", (string?)json["content"]);
    }

    [Fact]
    public void Group_notice_has_no_sender_block_and_sent_group_message_no_receiver_block()
    {
        var notice = new ChatMessage { Id = "n", Type = "group_notice", Sender = "x", Receiver = "me", Group = "g" };
        var sent = new ChatMessage { Id = "s", Type = "group_message", Class = "send", Sender = "me", Receiver = "r", Group = "g" };
        var friend = new ChatMessage { Id = "f", Type = "friend_message", Sender = "a", Receiver = "b", Group = "g" };

        var noticeJson = MessageJson.Message(notice, AccountEvent.ReceiveMessage);
        var sentJson = MessageJson.Message(sent, AccountEvent.SendMessage);
        var friendJson = MessageJson.Message(friend, AccountEvent.ReceiveMessage);

        Assert.False(noticeJson.ContainsKey("sender"));
        Assert.True(noticeJson.ContainsKey("receiver"));
        Assert.True(noticeJson.ContainsKey("group"));
        Assert.True(sentJson.ContainsKey("sender"));
        Assert.False(sentJson.ContainsKey("receiver"));
        Assert.False(friendJson.ContainsKey("group"));
    }

    [Fact]
    public void Event_params_render_as_mojo_values_and_objects()
    {
        var accountEvent = new AccountEvent
        {
            AccountKey = "wx/default",
            Seq = 7,
            Time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
            PostType = AccountEvent.EventPost,
            Event = "new_group_member",
            Params =
            [
                EventParam.OfMember(new ContactInfo { Id = "@m", Display = "灰太狼" }),
                EventParam.Of("scaning"),
                EventParam.Of(1),
                new EventParam(),
                EventParam.Of(new GroupInfo { Id = "@@g", Name = "G" }),
            ],
        };

        var json = EventJson.Event(accountEvent);

        Assert.Equal(["post_type", "event", "params", "event_id", "event_time"], Keys(json));
        Assert.Equal(
            """{"post_type":"event","event":"new_group_member","params":[{"id":"@m","uid":"","name":"","account":"","province":"","city":"","signature":"","sex":"","display":"灰太狼","markname":"","displayname":"灰太狼"},"scaning",1,null,{"id":"@@g","uid":"","name":"G","owner_uid":"","displayname":"G","member":[]}],"event_id":"wx/default:7","event_time":1700000000}""",
            MojoJson.Serialize(json));
    }

    [Fact]
    public void Message_events_render_as_messages_with_their_post_type()
    {
        var accountEvent = new AccountEvent
        {
            AccountKey = "wx/default",
            Seq = 1,
            PostType = AccountEvent.SendMessage,
            Message = new ChatMessage { Id = "m1", Content = "hello world", Class = "send", Receiver = "文件传输助手", ReceiverId = "filehelper" },
        };

        var json = EventJson.Event(accountEvent);

        Assert.Equal("send_message", (string?)json["post_type"]);
        Assert.Equal("wx/default:1", (string?)json["event_id"]); // next to Mojo's own message fields
        Assert.Equal("hello world", (string?)json["content"]);
        Assert.Equal("文件传输助手", (string?)json["receiver"]);
    }

    [Fact]
    public void A_message_post_without_its_message_still_reports_the_post_type()
    {
        var json = EventJson.Event(new AccountEvent
        {
            AccountKey = "wx/default", Seq = 2, Time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_001), PostType = AccountEvent.ReceiveMessage,
        });

        Assert.Equal("""{"post_type":"receive_message","event_id":"wx/default:2","event_time":1700000001}""", MojoJson.Serialize(json));
    }

    [Fact]
    public void An_event_without_a_name_renders_an_empty_name()
    {
        var json = EventJson.Event(new AccountEvent
        {
            AccountKey = "wx/default", Seq = 3, Time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_002), PostType = AccountEvent.EventPost,
        });

        Assert.Equal("""{"post_type":"event","event":"","params":[],"event_id":"wx/default:3","event_time":1700000002}""", MojoJson.Serialize(json));
    }

    [Fact]
    public void Search_keys_are_the_rendered_friend_fields_and_find_the_same_values()
    {
        var friend = new ContactInfo
        {
            Id = "@id", Uid = "uid1", Name = "name1", Account = "account1", Province = "province1", City = "city1",
            Signature = "signature1", Sex = "female", Display = "display1", Markname = "markname1", Category = "公众号",
        };
        var json = ContactJson.Friend(friend);

        Assert.Equal(Keys(json), ContactFields.FriendKeys);
        Assert.All(ContactFields.FriendKeys, key => Assert.Equal((string?)json[key], ContactFields.FriendValue(friend, key)));
        Assert.Null(ContactFields.FriendValue(friend, "owner_uid"));
        Assert.Null(ContactFields.FriendValue(friend, "Name"));
    }

    [Fact]
    public void Search_keys_are_the_rendered_group_fields_and_find_the_same_values()
    {
        var group = new GroupInfo { Id = "@@id", Uid = "uid1", Name = "", OwnerUid = "owner1", Members = [new ContactInfo { Id = "@m", Markname = "甲" }] };
        var json = GroupJson.Group(group, withMembers: false);

        Assert.Equal(Keys(json), ContactFields.GroupKeys);
        Assert.All(ContactFields.GroupKeys, key => Assert.Equal((string?)json[key], ContactFields.GroupValue(group, key)));
        Assert.Equal("甲", ContactFields.GroupValue(group, "displayname"));
        Assert.Null(ContactFields.GroupValue(group, "account"));
    }

    [Fact]
    public void Writer_leaves_chinese_unescaped()
    {
        Assert.Equal("""{"name":"文件传输助手"}""", MojoJson.Serialize(new JsonObject { ["name"] = "文件传输助手" }));
    }

    [Fact]
    public void Client_state_uses_mojos_keys_and_wire_state_names()
    {
        var status = new AccountStatus("bot1", "wx", ClientState.Scaning, ClientState.Loading,
            DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), "wxid_x", null, 2, "S10.0.0.1:11111:1", StartedNow: true);

        var json = ClientStateJson.State(status, 2000);

        Assert.Equal("bot1", (string?)json["client"]);
        Assert.Equal("bot1", (string?)json["account"]);
        Assert.Equal("scaning", (string?)json["state"]);
        Assert.Equal("loading", (string?)json["previous_state"]);
        Assert.Equal(1_700_000_000, (long?)json["start_time"]);
        Assert.Equal(2000, (int?)json["port"]);
        Assert.Equal(Environment.ProcessId, (int?)json["pid"]);
        Assert.Equal("S10.0.0.1:11111:1", (string?)json["silo"]);
        Assert.False(json.ContainsKey("last_error"));
        Assert.Equal(
            ["client", "account", "state", "previous_state", "start_time", "pid", "port", "os", "version", "qrcode_count", "silo",
             "offline_cause"],
            Keys(json));
        Assert.Null(json["offline_cause"]);
        Assert.Equal(2, (int?)json["qrcode_count"]);
        Assert.Equal(ServerInfo.Os, (string?)json["os"]);
        Assert.Equal(ServerInfo.Version, (string?)json["version"]);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("webwxinit: Ret 1101", true)]
    public void Client_state_reports_a_last_error_only_when_there_is_one(string? lastError, bool reported)
    {
        var status = new AccountStatus("bot1", "wx", ClientState.Loading, ClientState.Running, null, null, lastError, 0, "", false);

        var json = ClientStateJson.State(status, 3000);

        Assert.Equal(reported, json.ContainsKey("last_error"));
        if (reported)
        {
            Assert.Equal(lastError, (string?)json["last_error"]);
        }
        Assert.Null(json["start_time"]);
    }

    [Theory]
    [InlineData(OfflineCauses.Transport)]
    [InlineData(OfflineCauses.LoggedInElsewhere)]
    public void Client_state_tells_why_an_account_is_offline(string cause)
    {
        var status = new AccountStatus("bot1", "wx", ClientState.Running, ClientState.Updating, null, null, null, 0, "S1", false, cause);

        var json = ClientStateJson.State(status, 3000);

        Assert.Equal(cause, (string?)json["offline_cause"]);
    }

    [Fact]
    public void Client_info_uses_mojos_keys_with_the_account_start_and_run_time()
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var status = new AccountStatus("bot1", "wx", ClientState.Running, ClientState.Updating, start, "wxid_x", null, 0, "S1", false);

        var json = ClientStateJson.ClientInfo(status, start.AddSeconds(90.7));

        Assert.Equal(
            ["code", "client", "account", "pid", "os", "version", "starttime", "runtime", "http_debug", "log_encoding", "log_path",
             "log_level", "state", "silo", "status"],
            Keys(json));
        Assert.Equal(0, (int?)json["code"]);
        Assert.Equal(("bot1", "bot1"), ((string?)json["client"], (string?)json["account"]));
        Assert.Equal(Environment.ProcessId, (int?)json["pid"]);
        Assert.Equal(ServerInfo.Os, (string?)json["os"]);
        Assert.Equal(ServerInfo.Version, (string?)json["version"]);
        Assert.Equal(1_700_000_000, (long?)json["starttime"]);
        Assert.Equal(90, (long?)json["runtime"]);
        Assert.Equal(("0", "info"), ((string?)json["http_debug"], (string?)json["log_level"]));
        Assert.Null(json["log_encoding"]);
        Assert.Null(json["log_path"]);
        Assert.Equal(("running", "S1", "success"), ((string?)json["state"], (string?)json["silo"], (string?)json["status"]));
    }

    [Fact]
    public void Client_info_before_a_start_has_no_start_or_run_time_and_never_a_negative_run_time()
    {
        var never = new AccountStatus("c", "wx", ClientState.Init, ClientState.Init, null, null, null, 0, "", false);
        var start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var skewed = never with { State = ClientState.Running, StartTime = start };

        var neverJson = ClientStateJson.ClientInfo(never, start);
        var skewedJson = ClientStateJson.ClientInfo(skewed, start.AddSeconds(-5));

        Assert.Null(neverJson["starttime"]);
        Assert.Null(neverJson["runtime"]);
        Assert.Equal(0, (long?)skewedJson["runtime"]);
    }

    [Theory]
    [InlineData(ClientState.Init, false, false)]
    [InlineData(ClientState.Stop, false, false)]
    [InlineData(ClientState.Stop, true, false)]
    [InlineData(ClientState.Scaning, false, true)]
    [InlineData(ClientState.Running, false, true)]
    public void An_account_is_a_client_in_any_state_but_init_and_stop(ClientState state, bool startedNow, bool expected)
    {
        var status = new AccountStatus("c", "wx", state, ClientState.Init, null, null, null, 0, "", startedNow);

        Assert.Equal(expected, status.IsStarted);
    }
}
