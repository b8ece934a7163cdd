using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.World;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// set_markname, stick, make_friend, accept_friend_request through HTTP, the real cluster and the emulator; judged by
/// what the emulator recorded (remarks, stick-on-top, friend requests, friendships).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FriendAdminTests(ClusterFixture fixture)
{
    private readonly OpenWxHttpApi _api = new(fixture.Http);
    private EmulatorWorld World => fixture.Emulator.World;

    [Fact]
    public async Task Set_markname_remarks_the_friend_upstream_and_in_get_friend_info()
    {
        World.CreateUser(new CreateUserRequest { Wxid = "fam_alice", NickName = "Alice" });
        World.CreateUser(new CreateUserRequest { Wxid = "fam_stranger", NickName = "Stranger" });
        World.CreateUser(new CreateUserRequest { Wxid = "fam_bot", NickName = "MarkBot", Friends = ["fam_alice"] });
        World.CreateGroup(new CreateGroupRequest { GroupId = "grp_fam", Name = "Marks", Owner = "fam_bot", Members = ["fam_stranger"], SavedToContacts = true });
        await _api.LoginAsync(World, "fa_mark", "fam_bot");
        var alice = World.ResolveUserName("fam_bot", "fam_alice").UserName;
        // Read once before the remark: the list served then (an in-silo reply is cached per friend-list snapshot)
        // must not be served again after the book changed.
        var before = await _api.GetAsync("get_friend_info", ("client", "fa_mark"));
        Assert.Equal("", before.EnumerateArray().Single(f => f.GetProperty("id").GetString() == alice).GetProperty("markname").GetString());

        var set = await _api.GetAsync("set_markname", ("client", "fa_mark"), ("displayname", "Alice"), ("new_markname", "Ally"));

        Assert.Equal("""{"code":0,"status":"success"}""", set.GetRawText());
        Assert.Equal("Ally", World.GetContactState("fam_bot", "fam_alice").RemarkName);
        var friends = await _api.GetAsync("get_friend_info", ("client", "fa_mark"));
        var cached = friends.EnumerateArray().Single(f => f.GetProperty("id").GetString() == alice);
        Assert.Equal("Ally", cached.GetProperty("markname").GetString());

        var missing = await _api.GetAsync("set_markname", ("client", "fa_mark"), ("id", "@nobody"), ("new_markname", "x"));
        Assert.Equal(100, missing.GetProperty("code").GetInt32());

        // The emulator, like Tencent today, refuses a remark on a group member who is not a friend: Mojo's 201.
        var group = World.ResolveUserName("fam_bot", "grp_fam").UserName;
        var member = World.ResolveUserName("fam_bot", "fam_stranger").UserName;
        await _api.WaitForMemberAsync("fa_mark", group, member);
        var refused = await _api.GetAsync("set_markname", ("client", "fa_mark"), ("group_id", group), ("id", member), ("new_markname", "S"));
        Assert.Equal("""{"code":201,"status":"failure"}""", refused.GetRawText());
        Assert.Equal("", World.GetContactState("fam_bot", "fam_stranger").RemarkName);
    }

    [Fact]
    public async Task Stick_on_and_off_is_recorded_upstream_for_friends_and_groups()
    {
        World.CreateUser(new CreateUserRequest { Wxid = "fas_bob", NickName = "Bob" });
        World.CreateUser(new CreateUserRequest { Wxid = "fas_bot", NickName = "StickBot", Friends = ["fas_bob"] });
        World.CreateGroup(new CreateGroupRequest { GroupId = "grp_fas", Name = "Sticky", Owner = "fas_bot", Members = ["fas_bob"], SavedToContacts = true });
        await _api.LoginAsync(World, "fa_stick", "fas_bot");
        var bob = World.ResolveUserName("fas_bot", "fas_bob").UserName;
        var group = World.ResolveUserName("fas_bot", "grp_fas").UserName;
        await _api.WaitForMemberAsync("fa_stick", group, bob);

        var on = await _api.GetAsync("stick", ("client", "fa_stick"), ("id", bob));
        Assert.Equal(0, on.GetProperty("code").GetInt32());
        Assert.True(World.GetContactState("fas_bot", "fas_bob").Stuck);

        var off = await _api.PostFormAsync("stick", ("client", "fa_stick"), ("id", bob), ("op", "0"));
        Assert.Equal(0, off.GetProperty("code").GetInt32());
        Assert.False(World.GetContactState("fas_bot", "fas_bob").Stuck);

        var groupOn = await _api.GetAsync("stick", ("client", "fa_stick"), ("id", group), ("op", "1"));
        Assert.Equal(0, groupOn.GetProperty("code").GetInt32());
        Assert.True(World.GetContactState("fas_bot", "grp_fas").Stuck);

        var missing = await _api.GetAsync("stick", ("client", "fa_stick"), ("id", "@nobody"));
        Assert.Equal("""{"code":100,"status":"object not found"}""", missing.GetRawText());
    }

    [Fact]
    public async Task Make_friend_sends_a_request_with_the_verify_text_to_a_group_member()
    {
        World.CreateUser(new CreateUserRequest { Wxid = "fmf_carl", NickName = "Carl" });
        World.CreateUser(new CreateUserRequest { Wxid = "fmf_dora", NickName = "Dora" });
        World.CreateUser(new CreateUserRequest { Wxid = "fmf_bot", NickName = "FriendBot", Friends = ["fmf_dora"] });
        World.CreateGroup(new CreateGroupRequest { GroupId = "grp_fmf", Name = "Meet", Owner = "fmf_bot", Members = ["fmf_carl", "fmf_dora"], SavedToContacts = true });
        await _api.LoginAsync(World, "fa_make", "fmf_bot");
        var group = World.ResolveUserName("fmf_bot", "grp_fmf").UserName;
        var carl = World.ResolveUserName("fmf_bot", "fmf_carl").UserName;
        await _api.WaitForMemberAsync("fa_make", group, carl);

        var sent = await _api.GetAsync("make_friend", ("client", "fa_make"), ("id", carl), ("verify", "hi from the bot"));

        Assert.Equal("""{"code":0,"status":"success"}""", sent.GetRawText());
        Assert.Contains(World.ListFriendRequests(), r => r.From == "fmf_bot" && r.To == "fmf_carl" && r.Content == "hi from the bot");

        var dora = World.ResolveUserName("fmf_bot", "fmf_dora").UserName;
        var already = await _api.GetAsync("make_friend", ("client", "fa_make"), ("id", dora));
        Assert.Equal("""{"code":101,"status":"already a friend"}""", already.GetRawText());
        var self = (await _api.GetAsync("get_user_info", ("client", "fa_make"))).GetProperty("id").GetString()!;
        var yourself = await _api.GetAsync("make_friend", ("client", "fa_make"), ("id", self));
        Assert.Equal("""{"code":101,"status":"can not be yourself"}""", yourself.GetRawText());
        var unknown = await _api.GetAsync("make_friend", ("client", "fa_make"), ("id", "@nobody"));
        Assert.Equal(100, unknown.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Accept_friend_request_with_the_event_ticket_makes_them_friends()
    {
        World.CreateUser(new CreateUserRequest { Wxid = "faf_neo", NickName = "Neo" });
        World.CreateUser(new CreateUserRequest { Wxid = "faf_bot", NickName = "AcceptBot" });
        await _api.LoginAsync(World, "fa_accept", "faf_bot");

        World.SendFriendRequest(new FriendRequestRequest("faf_neo", "faf_bot", "let me in"));
        var request = await _api.WaitForEventAsync("fa_accept", e => IsEvent(e, "friend_request"));
        var p = request.GetProperty("params");
        Assert.Equal("let me in", p[2].GetString());

        var wrong = await _api.GetAsync("accept_friend_request", ("client", "fa_accept"), ("id", p[0].GetString()!), ("ticket", "v2_wrong"));
        Assert.Equal(-1, wrong.GetProperty("code").GetInt32());
        Assert.Equal("failure", wrong.GetProperty("status").GetString());
        Assert.False(World.GetContactState("faf_bot", "faf_neo").IsFriend);

        var accepted = await _api.GetAsync("accept_friend_request",
            ("client", "fa_accept"), ("id", p[0].GetString()!), ("displayname", p[1].GetString()!), ("ticket", p[3].GetString()!));

        Assert.Equal(0, accepted.GetProperty("code").GetInt32());
        Assert.Equal("success", accepted.GetProperty("status").GetString());
        Assert.Equal(p[3].GetString(), accepted.GetProperty("ticket").GetString());
        Assert.Equal("Neo", accepted.GetProperty("displayname").GetString());
        Assert.True(World.GetContactState("faf_bot", "faf_neo").IsFriend);
        var added = await _api.WaitForEventAsync("fa_accept", e => IsEvent(e, "new_friend"));
        Assert.Equal("Neo", added.GetProperty("params")[0].GetProperty("name").GetString());
    }

    private static bool IsEvent(JsonElement e, string name) =>
        e.GetProperty("post_type").GetString() == "event" && e.GetProperty("event").GetString() == name;
}
