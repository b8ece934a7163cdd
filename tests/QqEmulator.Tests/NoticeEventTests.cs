using System.Net.Http.Json;
using OpenWxCluster.QqEmulator.Tests.Support;

namespace OpenWxCluster.QqEmulator.Tests;

/// <summary>Notice and meta events, each posted signed to the receiver.</summary>
public sealed class NoticeEventTests
{
    [Fact]
    public async Task Joins_leaves_kicks_and_new_friends_are_reported()
    {
        await using var qq = await TestQq.StartAsync();
        await qq.ControlAsync("users", new { userId = 20003, nickname = "Carol" });

        var friend = (await qq.EventAsync(e => TestQq.Is(e, "notice_type", "friend_add"))).Json;
        Assert.Equal(TestQq.Alice, friend.GetProperty("user_id").GetInt64());

        // The bot's own join is reported to itself, approved by the owner.
        var selfJoin = (await qq.EventAsync(e => TestQq.Is(e, "notice_type", "group_increase") && e.GetProperty("user_id").GetInt64() == TestQq.Bot)).Json;
        Assert.Equal(TestQq.Alice, selfJoin.GetProperty("operator_id").GetInt64());
        Assert.Equal(TestQq.Team, selfJoin.GetProperty("group_id").GetInt64());

        await qq.ControlAsync($"groups/{TestQq.Team}/members", new { userId = 20003 });
        var join = (await qq.EventAsync(e => TestQq.Is(e, "notice_type", "group_increase") && e.GetProperty("user_id").GetInt64() == 20003)).Json;
        Assert.Equal("approve", join.GetProperty("sub_type").GetString());

        using (await qq.Http.DeleteAsync($"control/groups/{TestQq.Team}/members/20003")) { }
        var leave = (await qq.EventAsync(e => TestQq.Is(e, "notice_type", "group_decrease") && TestQq.Is(e, "sub_type", "leave"))).Json;
        Assert.Equal(20003, leave.GetProperty("user_id").GetInt64());
        Assert.Equal(20003, leave.GetProperty("operator_id").GetInt64());

        await qq.OkAsync("set_group_kick", new { group_id = TestQq.Team, user_id = TestQq.Bob });
        var kick = (await qq.EventAsync(e => TestQq.Is(e, "notice_type", "group_decrease") && TestQq.Is(e, "sub_type", "kick"))).Json;
        Assert.Equal(TestQq.Bob, kick.GetProperty("user_id").GetInt64());
        Assert.Equal(TestQq.Bot, kick.GetProperty("operator_id").GetInt64());

        using (await qq.Http.DeleteAsync($"control/groups/{TestQq.Team}/members/{TestQq.Bot}?operatorId={TestQq.Alice}")) { }
        var kickMe = (await qq.EventAsync(e => TestQq.Is(e, "sub_type", "kick_me"))).Json;
        Assert.Equal(TestQq.Alice, kickMe.GetProperty("operator_id").GetInt64());
        Assert.Empty((await qq.OkAsync("get_group_list")).EnumerateArray());
    }

    [Fact]
    public async Task Bans_and_lifted_bans_are_reported_with_their_duration()
    {
        await using var qq = await TestQq.StartAsync();
        await qq.Http.PutAsJsonAsync($"control/groups/{TestQq.Team}/members/{TestQq.Bot}/ban", new { operatorId = TestQq.Alice, duration = 60 });
        var ban = (await qq.EventAsync(e => TestQq.Is(e, "notice_type", "group_ban") && TestQq.Is(e, "sub_type", "ban"))).Json;
        Assert.Equal(60, ban.GetProperty("duration").GetInt64());
        Assert.Equal(TestQq.Bot, ban.GetProperty("user_id").GetInt64());
        Assert.Equal(TestQq.Alice, ban.GetProperty("operator_id").GetInt64());
        Assert.Equal(102, await qq.FailAsync("send_group_msg", new { group_id = TestQq.Team, message = "muted" }));

        await qq.Http.PutAsJsonAsync($"control/groups/{TestQq.Team}/members/{TestQq.Bot}/ban", new { operatorId = TestQq.Alice, duration = 0 });
        var lift = (await qq.EventAsync(e => TestQq.Is(e, "notice_type", "group_ban") && TestQq.Is(e, "sub_type", "lift_ban"))).Json;
        Assert.Equal(0, lift.GetProperty("duration").GetInt64());
        await qq.OkAsync("send_group_msg", new { group_id = TestQq.Team, message = "free" });
    }

    [Fact]
    public async Task Recalls_by_users_are_reported_as_friend_recall_and_group_recall()
    {
        await using var qq = await TestQq.StartAsync();
        var dm = (await qq.ControlAsync("messages/private", new { userId = TestQq.Alice, selfId = TestQq.Bot, message = "typo" })).GetProperty("messageId").GetInt32();
        var gm = (await qq.ControlAsync($"groups/{TestQq.Team}/messages", new { userId = TestQq.Bob, message = "spam" })).GetProperty("messageId").GetInt32();

        await qq.ControlAsync($"messages/{dm}/recall", new { operatorId = TestQq.Alice });
        await qq.ControlAsync($"messages/{gm}/recall", new { operatorId = TestQq.Alice });

        var friendRecall = (await qq.EventAsync(e => TestQq.Is(e, "notice_type", "friend_recall"))).Json;
        Assert.Equal(dm, friendRecall.GetProperty("message_id").GetInt32());
        Assert.Equal(TestQq.Alice, friendRecall.GetProperty("user_id").GetInt64());
        var groupRecall = (await qq.EventAsync(e => TestQq.Is(e, "notice_type", "group_recall"))).Json;
        Assert.Equal(gm, groupRecall.GetProperty("message_id").GetInt32());
        Assert.Equal(TestQq.Bob, groupRecall.GetProperty("user_id").GetInt64());
        Assert.Equal(TestQq.Alice, groupRecall.GetProperty("operator_id").GetInt64());
    }

    [Fact]
    public async Task Lifecycle_connect_comes_first_and_heartbeats_carry_interval_and_status()
    {
        await using var qq = await TestQq.StartAsync(heartbeat: TimeSpan.FromMilliseconds(200));

        // The connect event is posted after start returns: wait for it, then it must be the first post of all.
        await qq.EventAsync(e => TestQq.Is(e, "meta_event_type", "lifecycle"));
        var first = qq.Receiver.Posts[0].Json;
        Assert.Equal("meta_event", first.GetProperty("post_type").GetString());
        Assert.Equal("lifecycle", first.GetProperty("meta_event_type").GetString());
        Assert.Equal("connect", first.GetProperty("sub_type").GetString());

        var beat = (await qq.EventAsync(e => TestQq.Is(e, "meta_event_type", "heartbeat"))).Json;
        Assert.Equal(200, beat.GetProperty("interval").GetInt64());
        Assert.True(beat.GetProperty("status").GetProperty("online").GetBoolean());
        Assert.True(beat.GetProperty("status").GetProperty("good").GetBoolean());
    }
}
