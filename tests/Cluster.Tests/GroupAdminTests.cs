using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.World;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// create_group, invite_friend, kick_group_member, set_group_displayname through HTTP, the real cluster and the
/// emulator; judged by the groups the emulator holds afterwards.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GroupAdminTests(ClusterFixture fixture)
{
    private readonly OpenWxHttpApi _api = new(fixture.Http);
    private EmulatorWorld World => fixture.Emulator.World;

    [Fact]
    public async Task Create_group_makes_the_group_upstream_and_caches_it_at_once()
    {
        World.CreateUser(new CreateUserRequest { Wxid = "gac_ann", NickName = "Ann" });
        World.CreateUser(new CreateUserRequest { Wxid = "gac_ben", NickName = "Ben" });
        World.CreateUser(new CreateUserRequest { Wxid = "gac_bot", NickName = "CreateBot", Friends = ["gac_ann", "gac_ben"] });
        await _api.LoginAsync(World, "ga_create", "gac_bot");
        var ann = World.ResolveUserName("gac_bot", "gac_ann").UserName;
        var ben = World.ResolveUserName("gac_bot", "gac_ben").UserName;

        var created = await _api.GetAsync("create_group", ("client", "ga_create"), ("friends", $"{ann},{ben}"), ("displayname", "Team"));

        Assert.Equal(0, created.GetProperty("code").GetInt32());
        var groupId = created.GetProperty("group_id").GetString()!;
        var upstream = World.GetGroup(World.ResolveId("gac_bot", groupId).Id)!;
        Assert.Equal("Team", upstream.Name);
        Assert.Equal(["gac_ann", "gac_ben", "gac_bot"], upstream.Members.Order());
        var cached = (await _api.GetAsync("get_group_info", ("client", "ga_create"))).EnumerateArray()
            .Single(g => g.GetProperty("id").GetString() == groupId);
        Assert.Equal("Team", cached.GetProperty("name").GetString());
        Assert.Contains(ann, OpenWxHttpApi.Members(cached));

        var empty = await _api.GetAsync("create_group", ("client", "ga_create"), ("friends", ""));
        Assert.Equal("""{"code":200,"status":"friend id empty"}""", empty.GetRawText());
        var stranger = await _api.GetAsync("create_group", ("client", "ga_create"), ("friends", $"{ann},@nobody"));
        Assert.Equal("""{"code":100,"status":"friend id @nobody not found"}""", stranger.GetRawText());
    }

    [Fact]
    public async Task Invite_friend_adds_members_and_uses_invitemember_from_40_members_on()
    {
        var crowd = Enumerable.Range(0, 38).Select(i => $"gai_m{i}").ToList();
        foreach (var id in crowd)
        {
            World.CreateUser(new CreateUserRequest { Wxid = id, NickName = id });
        }
        World.CreateUser(new CreateUserRequest { Wxid = "gai_cat", NickName = "Cat" });
        World.CreateUser(new CreateUserRequest { Wxid = "gai_dan", NickName = "Dan" });
        World.CreateUser(new CreateUserRequest { Wxid = "gai_eve", NickName = "Eve" });
        World.CreateUser(new CreateUserRequest { Wxid = "gai_bot", NickName = "InviteBot", Friends = ["gai_cat", "gai_dan", "gai_eve"] });
        World.CreateGroup(new CreateGroupRequest { GroupId = "grp_gai_small", Name = "Small", Owner = "gai_bot", Members = ["gai_m0"], SavedToContacts = true });
        // 38 members + the bot: inviting two brings the group to 41, which only invitemember may do.
        World.CreateGroup(new CreateGroupRequest { GroupId = "grp_gai_big", Name = "Big", Owner = "gai_bot", Members = crowd, SavedToContacts = true });
        await _api.LoginAsync(World, "ga_invite", "gai_bot");
        var cat = World.ResolveUserName("gai_bot", "gai_cat").UserName;
        var dan = World.ResolveUserName("gai_bot", "gai_dan").UserName;
        var eve = World.ResolveUserName("gai_bot", "gai_eve").UserName;
        var small = World.ResolveUserName("gai_bot", "grp_gai_small").UserName;
        await _api.WaitForGroupAsync("ga_invite", g => g.GetProperty("id").GetString() == small, "group Small");
        await _api.WaitForGroupAsync("ga_invite", g => g.GetProperty("displayname").GetString() == "Big", "group Big");

        var bySmallId = await _api.GetAsync("invite_friend", ("client", "ga_invite"), ("id", small), ("friends", cat));
        Assert.Equal("""{"code":0,"status":"success"}""", bySmallId.GetRawText());
        Assert.Contains("gai_cat", World.GetGroup("grp_gai_small")!.Members);
        var cached = (await _api.GetAsync("get_group_info", ("client", "ga_invite"))).EnumerateArray()
            .Single(g => g.GetProperty("id").GetString() == small);
        Assert.Contains(cat, OpenWxHttpApi.Members(cached));

        var byBigName = await _api.PostFormAsync("invite_friend", ("client", "ga_invite"), ("displayname", "Big"), ("friends", $"{dan},{eve}"));
        Assert.Equal("""{"code":0,"status":"success"}""", byBigName.GetRawText());
        Assert.Equal(41, World.GetGroup("grp_gai_big")!.Members.Count);

        var notFriend = await _api.GetAsync("invite_friend", ("client", "ga_invite"), ("id", small), ("friends", "@nobody"));
        Assert.Equal("""{"code":100,"status":"friend id @nobody not found"}""", notFriend.GetRawText());
        var noGroup = await _api.GetAsync("invite_friend", ("client", "ga_invite"), ("id", "@@nothing"), ("friends", cat));
        Assert.Equal("""{"code":100,"status":"object not found"}""", noGroup.GetRawText());
    }

    [Fact]
    public async Task Kick_group_member_removes_members_of_an_owned_group_only()
    {
        World.CreateUser(new CreateUserRequest { Wxid = "gak_fay", NickName = "Fay" });
        World.CreateUser(new CreateUserRequest { Wxid = "gak_gus", NickName = "Gus" });
        World.CreateUser(new CreateUserRequest { Wxid = "gak_bot", NickName = "KickBot" });
        World.CreateGroup(new CreateGroupRequest { GroupId = "grp_gak_own", Name = "Own", Owner = "gak_bot", Members = ["gak_fay", "gak_gus"], SavedToContacts = true });
        World.CreateGroup(new CreateGroupRequest { GroupId = "grp_gak_other", Name = "Other", Owner = "gak_gus", Members = ["gak_bot", "gak_fay"], SavedToContacts = true });
        await _api.LoginAsync(World, "ga_kick", "gak_bot");
        var fay = World.ResolveUserName("gak_bot", "gak_fay").UserName;
        var own = World.ResolveUserName("gak_bot", "grp_gak_own").UserName;
        var other = World.ResolveUserName("gak_bot", "grp_gak_other").UserName;
        await _api.WaitForMemberAsync("ga_kick", own, fay);
        await _api.WaitForMemberAsync("ga_kick", other, fay);

        var kicked = await _api.GetAsync("kick_group_member", ("client", "ga_kick"), ("id", own), ("members", fay));
        Assert.Equal("""{"code":0,"status":"success"}""", kicked.GetRawText());
        Assert.Equal(["gak_bot", "gak_gus"], World.GetGroup("grp_gak_own")!.Members.Order());
        var cached = (await _api.GetAsync("get_group_info", ("client", "ga_kick"))).EnumerateArray()
            .Single(g => g.GetProperty("id").GetString() == own);
        Assert.DoesNotContain(fay, OpenWxHttpApi.Members(cached));

        var notOwner = await _api.GetAsync("kick_group_member", ("client", "ga_kick"), ("id", other), ("members", fay));
        Assert.Equal("""{"code":201,"status":"failure"}""", notOwner.GetRawText());
        Assert.Contains("gak_fay", World.GetGroup("grp_gak_other")!.Members);

        var unknown = await _api.GetAsync("kick_group_member", ("client", "ga_kick"), ("id", own), ("members", "@nobody"));
        Assert.Equal("""{"code":100,"status":"member id @nobody not found"}""", unknown.GetRawText());
        var empty = await _api.GetAsync("kick_group_member", ("client", "ga_kick"), ("id", own), ("members", ","));
        Assert.Equal("""{"code":200,"status":"member id empty"}""", empty.GetRawText());
    }

    [Fact]
    public async Task Set_group_displayname_renames_the_group_upstream_and_in_the_cache()
    {
        World.CreateUser(new CreateUserRequest { Wxid = "gar_hal", NickName = "Hal" });
        World.CreateUser(new CreateUserRequest { Wxid = "gar_bot", NickName = "RenameBot" });
        World.CreateGroup(new CreateGroupRequest { GroupId = "grp_gar", Name = "Before", Owner = "gar_bot", Members = ["gar_hal"], SavedToContacts = true });
        await _api.LoginAsync(World, "ga_rename", "gar_bot");
        var group = World.ResolveUserName("gar_bot", "grp_gar").UserName;
        await _api.WaitForGroupAsync("ga_rename", g => g.GetProperty("id").GetString() == group, "group Before");

        var renamed = await _api.GetAsync("set_group_displayname", ("client", "ga_rename"), ("displayname", "Before"), ("new_displayname", "After"));

        Assert.Equal("""{"code":0,"status":"success"}""", renamed.GetRawText());
        Assert.Equal("After", World.GetGroup("grp_gar")!.Name);
        var cached = (await _api.GetAsync("get_group_info", ("client", "ga_rename"))).EnumerateArray()
            .Single(g => g.GetProperty("id").GetString() == group);
        Assert.Equal("After", cached.GetProperty("name").GetString());
        var gone = await _api.GetAsync("set_group_displayname", ("client", "ga_rename"), ("displayname", "Before"), ("new_displayname", "x"));
        Assert.Equal("""{"code":100,"status":"object not found"}""", gone.GetRawText());
    }
}
