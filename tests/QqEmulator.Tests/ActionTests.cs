using System.Text.Json;
using OpenWxCluster.QqEmulator.Tests.Support;

namespace OpenWxCluster.QqEmulator.Tests;

/// <summary>Each OneBot action against the seeded world, judged from the answer and from the world's control view.</summary>
public sealed class ActionTests
{
    [Fact]
    public async Task Info_actions_describe_the_bot_its_friends_groups_and_members()
    {
        await using var qq = await TestQq.StartAsync();

        var status = await qq.OkAsync("get_status");
        Assert.True(status.GetProperty("online").GetBoolean());
        Assert.True(status.GetProperty("good").GetBoolean());

        var friend = Assert.Single((await qq.OkAsync("get_friend_list")).EnumerateArray());
        Assert.Equal(TestQq.Alice, friend.GetProperty("user_id").GetInt64());
        Assert.Equal("Alice", friend.GetProperty("nickname").GetString());

        var group = Assert.Single((await qq.OkAsync("get_group_list")).EnumerateArray());
        Assert.Equal(TestQq.Team, group.GetProperty("group_id").GetInt64());
        Assert.Equal(3, group.GetProperty("member_count").GetInt32());

        var members = (await qq.OkAsync("get_group_member_list", new { group_id = TestQq.Team })).EnumerateArray().ToList();
        Assert.Equal([TestQq.Bot, TestQq.Alice, TestQq.Bob], members.Select(m => m.GetProperty("user_id").GetInt64()).Order().ToArray());
        Assert.Equal("owner", members.Single(m => m.GetProperty("user_id").GetInt64() == TestQq.Alice).GetProperty("role").GetString());

        var me = await qq.OkAsync("get_group_member_info", new { group_id = TestQq.Team, user_id = TestQq.Bot });
        Assert.Equal("admin", me.GetProperty("role").GetString());
        Assert.Equal("bot card", me.GetProperty("card").GetString());

        var stranger = await qq.OkAsync("get_stranger_info", new { user_id = TestQq.Alice });
        Assert.Equal("female", stranger.GetProperty("sex").GetString());
        Assert.Equal(30, stranger.GetProperty("age").GetInt32());
    }

    [Fact]
    public async Task Sends_take_cq_strings_or_segments_and_the_world_records_them()
    {
        await using var qq = await TestQq.StartAsync();

        var a = await qq.OkAsync("send_private_msg", new { user_id = TestQq.Alice, message = "hi [CQ:face,id=14] &#91;x&#93;" });
        var b = await qq.OkAsync("send_group_msg", new { group_id = TestQq.Team, message = new object[] { new { type = "at", data = new { qq = "20002" } }, new { type = "text", data = new { text = " hello" } } } });
        var c = await qq.OkAsync("send_msg", new { user_id = TestQq.Alice, message = "[CQ:literal]", auto_escape = true });
        var d = await qq.OkAsync("send_msg", new { message_type = "group", group_id = TestQq.Team, message = "typed" });
        var e = await qq.OkAsync("send_private_msg", new { user_id = TestQq.Bob, group_id = TestQq.Team, message = "temp" });

        var sent = (await qq.ControlGetAsync($"bots/{TestQq.Bot}/sent")).EnumerateArray().ToList();
        Assert.Equal(
            new[] { a, b, c, d, e }.Select(x => x.GetProperty("message_id").GetInt32()).ToArray(),
            sent.Select(s => s.GetProperty("messageId").GetInt32()).ToArray());
        Assert.Equal("hi [CQ:face,id=14] &#91;x&#93;", sent[0].GetProperty("text").GetString());
        Assert.Equal("face", sent[0].GetProperty("segments")[1].GetProperty("type").GetString());
        Assert.Equal(" [x]", sent[0].GetProperty("segments")[2].GetProperty("data").GetProperty("text").GetString());
        Assert.Equal("[CQ:at,qq=20002] hello", sent[1].GetProperty("text").GetString());
        Assert.Equal(TestQq.Team, sent[1].GetProperty("groupId").GetInt64());
        Assert.Equal("[CQ:literal]", sent[2].GetProperty("segments")[0].GetProperty("data").GetProperty("text").GetString());
        Assert.Equal("group", sent[3].GetProperty("messageType").GetString());
        Assert.Equal(TestQq.Bob, sent[4].GetProperty("peerId").GetInt64());
    }

    [Fact]
    public async Task A_bot_may_not_write_privately_to_a_stranger_nor_to_a_group_it_is_not_in()
    {
        await using var qq = await TestQq.StartAsync();
        await qq.ControlAsync("users", new { userId = 20003, nickname = "Carol" });
        await qq.ControlAsync("groups", new { groupId = 30002, name = "Other", ownerId = 20003 });

        Assert.Equal(102, await qq.FailAsync("send_private_msg", new { user_id = TestQq.Bob, message = "hi" }));
        Assert.Equal(100, await qq.FailAsync("send_group_msg", new { group_id = 30002, message = "hi" }));
        Assert.Equal(100, await qq.FailAsync("send_private_msg", new { user_id = TestQq.Alice, message = "" }));
        Assert.Empty((await qq.ControlGetAsync($"bots/{TestQq.Bot}/sent")).EnumerateArray());
    }

    [Fact]
    public async Task Administration_follows_the_roles_cards_bans_and_kicks()
    {
        await using var qq = await TestQq.StartAsync();

        Assert.Equal(JsonValueKind.Null, (await qq.OkAsync("set_group_card", new { group_id = TestQq.Team, user_id = TestQq.Bob, card = "bobby" })).ValueKind);
        await qq.OkAsync("set_group_ban", new { group_id = TestQq.Team, user_id = TestQq.Bob, duration = 600 });
        Assert.Equal(102, await qq.FailAsync("set_group_ban", new { group_id = TestQq.Team, user_id = TestQq.Alice }));
        Assert.Equal(102, await qq.FailAsync("set_group_card", new { group_id = TestQq.Team, user_id = TestQq.Alice, card = "boss" }));

        var info = await qq.OkAsync("get_group_member_info", new { group_id = TestQq.Team, user_id = TestQq.Bob });
        Assert.Equal("bobby", info.GetProperty("card").GetString());
        Assert.True(info.GetProperty("shut_up_timestamp").GetInt64() > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        await qq.ControlAsync($"groups/{TestQq.Team}/messages", new { userId = TestQq.Bob, message = "muted?" }, System.Net.HttpStatusCode.Forbidden);

        await qq.OkAsync("set_group_ban", new { group_id = TestQq.Team, user_id = TestQq.Bob, duration = 0 });
        await qq.ControlAsync($"groups/{TestQq.Team}/messages", new { userId = TestQq.Bob, message = "free" });

        await qq.OkAsync("set_group_kick", new { group_id = TestQq.Team, user_id = TestQq.Bob });
        var group = await qq.ControlGetAsync($"groups/{TestQq.Team}");
        Assert.DoesNotContain(group.GetProperty("members").EnumerateArray(), m => m.GetProperty("userId").GetInt64() == TestQq.Bob);
        Assert.Equal(2, group.GetProperty("group").GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task Delete_msg_recalls_the_bots_message_and_refuses_others_messages_it_may_not_touch()
    {
        await using var qq = await TestQq.StartAsync();
        var mine = (await qq.OkAsync("send_private_msg", new { user_id = TestQq.Alice, message = "oops" })).GetProperty("message_id").GetInt32();
        var hers = (await qq.ControlAsync("messages/private", new { userId = TestQq.Alice, selfId = TestQq.Bot, message = "hello" })).GetProperty("messageId").GetInt32();
        var owners = (await qq.ControlAsync($"groups/{TestQq.Team}/messages", new { userId = TestQq.Alice, message = "owner says" })).GetProperty("messageId").GetInt32();
        var bobs = (await qq.ControlAsync($"groups/{TestQq.Team}/messages", new { userId = TestQq.Bob, message = "bob says" })).GetProperty("messageId").GetInt32();

        await qq.OkAsync("delete_msg", new { message_id = mine });
        Assert.Equal(102, await qq.FailAsync("delete_msg", new { message_id = hers }));
        Assert.Equal(102, await qq.FailAsync("delete_msg", new { message_id = owners }));
        await qq.OkAsync("delete_msg", new { message_id = bobs });
        Assert.Equal(103, await qq.FailAsync("delete_msg", new { message_id = mine }));
        Assert.Equal(100, await qq.FailAsync("delete_msg", new { message_id = 1 }));

        Assert.True((await qq.ControlGetAsync($"messages/{mine}")).GetProperty("recalled").GetBoolean());
        Assert.True((await qq.ControlGetAsync($"messages/{bobs}")).GetProperty("recalled").GetBoolean());
        Assert.False((await qq.ControlGetAsync($"messages/{hers}")).GetProperty("recalled").GetBoolean());
    }

    [Fact]
    public async Task Get_msg_shows_visible_messages_and_async_suffixes_answer_async_after_doing_the_action()
    {
        await using var qq = await TestQq.StartAsync();
        var hers = (await qq.ControlAsync("messages/private", new { userId = TestQq.Alice, selfId = TestQq.Bot, message = "hi [CQ:face,id=2]" })).GetProperty("messageId").GetInt32();

        var msg = await qq.OkAsync("get_msg", new { message_id = hers });
        Assert.Equal("private", msg.GetProperty("message_type").GetString());
        Assert.Equal(TestQq.Alice, msg.GetProperty("sender").GetProperty("user_id").GetInt64());
        Assert.Equal("face", msg.GetProperty("message")[1].GetProperty("type").GetString());

        await qq.ControlAsync("users", new { userId = 20003, nickname = "Carol" });
        await qq.ControlAsync("groups", new { groupId = 30002, name = "Other", ownerId = 20003 });
        var elsewhere = (await qq.ControlAsync("groups/30002/messages", new { userId = 20003, message = "private club" })).GetProperty("messageId").GetInt32();
        Assert.Equal(100, await qq.FailAsync("get_msg", new { message_id = elsewhere }));

        foreach (var action in new[] { "send_msg_async", "send_msg_rate_limited" })
        {
            var envelope = await qq.CallAsync(action, new { user_id = TestQq.Alice, message = action });
            Assert.Equal("async", envelope.GetProperty("status").GetString());
            Assert.Equal(1, envelope.GetProperty("retcode").GetInt32());
            Assert.Equal(JsonValueKind.Null, envelope.GetProperty("data").ValueKind);
        }

        var sent = (await qq.ControlGetAsync($"bots/{TestQq.Bot}/sent")).EnumerateArray().Select(s => s.GetProperty("text").GetString()!).ToArray();
        Assert.Equal(["send_msg_async", "send_msg_rate_limited"], sent);
    }
}
