using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>Group routes, group messages, contact-change events and bad input against the real two-silo cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GroupAndContactRouteTests(ClusterFixture fixture)
{
    private readonly OpenWxHttpApi _api = new(fixture.Http);

    [Fact]
    public async Task Group_routes_and_group_messages_work_both_ways()
    {
        var world = fixture.Emulator.World;
        world.CreateUser(new CreateUserRequest { Wxid = "gm_m1", NickName = "Mem1" });
        world.CreateUser(new CreateUserRequest { Wxid = "gm_m2", NickName = "Mem2" });
        world.CreateUser(new CreateUserRequest { Wxid = "gm_bot", NickName = "GroupBot", Friends = ["gm_m1"] });
        world.CreateGroup(new CreateGroupRequest
        {
            GroupId = "grp_team", Name = "Team", Owner = "gm_bot", Members = ["gm_m1", "gm_m2"], SavedToContacts = true,
        });
        await _api.LoginAsync(world, "groups", "gm_bot");

        var groups = await _api.GetAsync("get_group_info", ("client", "groups"));
        var team = groups.EnumerateArray().Single(g => g.GetProperty("name").GetString() == "Team");
        Assert.StartsWith("@@", team.GetProperty("id").GetString(), StringComparison.Ordinal);
        var member = team.GetProperty("member").EnumerateArray().Single(m => m.GetProperty("markname").GetString() == "Mem2");
        Assert.Equal("", member.GetProperty("name").GetString());

        var basic = await _api.GetAsync("get_group_basic_info", ("client", "groups"));
        var basicTeam = basic.EnumerateArray().Single(g => g.GetProperty("id").GetString() == team.GetProperty("id").GetString());
        Assert.False(basicTeam.TryGetProperty("member", out _));
        Assert.Equal("Team", basicTeam.GetProperty("displayname").GetString());

        var found = await _api.GetAsync("search_group", ("client", "groups"), ("displayname", "Team"));
        Assert.Single(found.EnumerateArray());

        var sent = await _api.GetAsync("send_group_message", ("client", "groups"), ("displayname", "Team"), ("content", "hello team"));
        Assert.Equal(0, sent.GetProperty("code").GetInt32());
        Assert.EndsWith(":" + team.GetProperty("id").GetString(), sent.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Contains(world.GetSent("gm_bot"), m => m.Content == "hello team" && m.To == "grp_team");

        world.SendText("gm_m2", "grp_team", "hi all");
        var received = await _api.WaitForEventAsync("groups", e => e.TryGetProperty("content", out var c) && c.GetString() == "hi all");
        Assert.Equal("group_message", received.GetProperty("type").GetString());
        Assert.Equal("recv", received.GetProperty("class").GetString());
        Assert.Equal("Team", received.GetProperty("group_name").GetString());
        Assert.Equal("Mem2", received.GetProperty("sender_markname").GetString());
        Assert.Equal(member.GetProperty("id").GetString(), received.GetProperty("sender_id").GetString());
    }

    [Fact]
    public async Task A_new_friend_pushed_by_webwxsync_is_cached_and_reported()
    {
        var world = fixture.Emulator.World;
        world.CreateUser(new CreateUserRequest { Wxid = "nf_carol", NickName = "Carol", City = "Hangzhou" });
        world.CreateUser(new CreateUserRequest { Wxid = "nf_bot", NickName = "NewFriendBot" });
        await _api.LoginAsync(world, "newfriend", "nf_bot");

        world.CreateFriendship(new FriendshipRequest("nf_bot", "nf_carol"));

        var added = await _api.WaitForEventAsync("newfriend", e =>
            e.GetProperty("post_type").GetString() == "event" && e.GetProperty("event").GetString() == "new_friend");
        var carol = added.GetProperty("params")[0];
        Assert.Equal("Carol", carol.GetProperty("name").GetString());
        Assert.Equal("Hangzhou", carol.GetProperty("city").GetString());
        Assert.Equal("好友", carol.GetProperty("category").GetString());
        var friends = await _api.GetAsync("get_friend_info", ("client", "newfriend"));
        Assert.Contains(friends.EnumerateArray(), f => f.GetProperty("id").GetString() == carol.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Bad_input_is_answered_at_once_with_a_mojo_error()
    {
        var unknownClient = await _api.GetAsync("get_friend_info", ("client", "never_started"));
        Assert.Equal(1, unknownClient.GetProperty("code").GetInt32());
        Assert.Equal("client not exists", unknownClient.GetProperty("status").GetString());

        var noClient = await _api.GetAsync("start_client");
        Assert.Equal(1, noClient.GetProperty("code").GetInt32());
        Assert.Equal("client not found", noClient.GetProperty("status").GetString());

        var world = fixture.Emulator.World;
        world.CreateUser(new CreateUserRequest { Wxid = "bad_bot", NickName = "BadBot" });
        await _api.LoginAsync(world, "badinput", "bad_bot");

        var noContent = await _api.GetAsync("send_friend_message", ("client", "badinput"), ("id", "filehelper"));
        Assert.Equal(-1, noContent.GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, noContent.GetProperty("id").ValueKind);
        var noGroup = await _api.GetAsync("send_group_message", ("client", "badinput"), ("displayname", "Nope"), ("content", "x"));
        Assert.Equal(100, noGroup.GetProperty("code").GetInt32());
        var noLookup = await _api.GetAsync("send_group_message", ("client", "badinput"), ("content", "x"));
        Assert.Equal(100, noLookup.GetProperty("code").GetInt32());

        // The account is still healthy after the bad requests.
        var ok = await _api.GetAsync("send_friend_message", ("client", "badinput"), ("id", "filehelper"), ("content", "still here"));
        Assert.Equal(0, ok.GetProperty("code").GetInt32());
    }
}
