using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.World;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// Mojo's contact events with full data, caused by changes on the emulator's side (profiles, friendships, group
/// membership, names, recalls) and judged by a check_event consumer: each fires exactly once, and a barrier message
/// sent after the change proves nothing more followed.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ContactEventTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly OpenWxHttpApi _api = new(fixture.Http);
    private EmulatorWorld World => fixture.Emulator.World;

    [Fact]
    public async Task Members_joining_and_leaving_and_a_rename_each_post_one_event_with_member_and_group()
    {
        var bot = World.CreateAccountWithFriend("cem", "MemPal");
        World.CreateUser(new CreateUserRequest { Wxid = "cem_old", NickName = "Oldie" });
        World.CreateUser(new CreateUserRequest { Wxid = "cem_new", NickName = "Newbie" });
        World.CreateGroup(new CreateGroupRequest { GroupId = "grp_cem", Name = "Team", Owner = bot, Members = ["cem_pal", "cem_old"], SavedToContacts = true });
        await _api.LoginAsync(World, "cem", bot);
        var group = World.ResolveUserName(bot, "grp_cem").UserName;
        var oldie = World.ResolveUserName(bot, "cem_old").UserName;
        var newbie = World.ResolveUserName(bot, "cem_new").UserName;

        World.UpdateGroup("grp_cem", new UpdateGroupRequest { AddMembers = ["cem_new"], RemoveMembers = ["cem_old"] });
        World.UpdateGroup("grp_cem", new UpdateGroupRequest { Name = "Renamed" });
        var ledger = await CollectUntilBarrierAsync("cem", "cem_pal", bot);

        var joined = Single(ledger, "new_group_member").GetProperty("params");
        Assert.Equal(newbie, joined[0].GetProperty("id").GetString());
        Assert.Equal("Newbie", joined[0].GetProperty("markname").GetString());
        Assert.Equal(group, joined[1].GetProperty("id").GetString());
        var left = Single(ledger, "lose_group_member").GetProperty("params");
        Assert.Equal(oldie, left[0].GetProperty("id").GetString());
        Assert.Equal("Oldie", left[0].GetProperty("markname").GetString());
        Assert.Equal(group, left[1].GetProperty("id").GetString());
        var renamed = Single(ledger, "group_property_change").GetProperty("params");
        Assert.Equal(group, renamed[0].GetProperty("id").GetString());
        Assert.Equal("Renamed", renamed[0].GetProperty("name").GetString());
        Assert.Equal(["name", "Team", "Renamed"], Texts(renamed, 1, 3));
        var members = renamed[0].GetProperty("member").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Contains(newbie, members);
        Assert.DoesNotContain(oldie, members);
        // The initial contact load at login posts nothing (Mojo neither).
        Assert.Empty(Named(ledger, "new_group"));
        Assert.Empty(Named(ledger, "new_friend"));
    }

    [Fact]
    public async Task A_member_who_renames_posts_group_member_property_change_once()
    {
        var bot = World.CreateAccountWithFriend("cen", "NickPal");
        World.CreateUser(new CreateUserRequest { Wxid = "cen_mem", NickName = "Member" });
        World.CreateGroup(new CreateGroupRequest { GroupId = "grp_cen", Name = "Names", Owner = bot, Members = ["cen_pal", "cen_mem"], SavedToContacts = true });
        await _api.LoginAsync(World, "cen", bot);
        var member = World.ResolveUserName(bot, "cen_mem").UserName;

        World.UpdateUser("cen_mem", new UpdateUserRequest { NickName = "Renamed Member" });
        var ledger = await CollectUntilBarrierAsync("cen", "cen_pal", bot);

        var changed = Single(ledger, "group_member_property_change").GetProperty("params");
        Assert.Equal(member, changed[0].GetProperty("id").GetString());
        Assert.Equal("Renamed Member", changed[0].GetProperty("markname").GetString());
        Assert.False(changed[0].TryGetProperty("category", out _)); // rendered as a member
        Assert.Equal(["markname", "Member", "Renamed Member"], Texts(changed, 1, 3));
        Assert.Empty(Named(ledger, "friend_property_change")); // not a friend of the account
        Assert.Empty(Named(ledger, "group_property_change"));
    }

    [Fact]
    public async Task A_renamed_friend_posts_friend_property_change_and_a_deleted_one_lose_friend_with_its_full_object()
    {
        var bot = World.CreateAccountWithFriend("cef", "FriPal");
        World.CreateUser(new CreateUserRequest { Wxid = "cef_nick", NickName = "Nick", Friends = [bot] });
        World.CreateUser(new CreateUserRequest { Wxid = "cef_gone", NickName = "Gone", City = "Lhasa", Signature = "bye" });
        World.CreateFriendship(new FriendshipRequest(bot, "cef_gone", RemarkA: "GoneRemark"));
        await _api.LoginAsync(World, "cef", bot);
        var nick = World.ResolveUserName(bot, "cef_nick").UserName;
        var gone = World.ResolveUserName(bot, "cef_gone").UserName;

        World.UpdateUser("cef_nick", new UpdateUserRequest { NickName = "Nicky" });
        World.DeleteFriendship(bot, "cef_gone");
        var ledger = await CollectUntilBarrierAsync("cef", "cef_pal", bot);

        var changed = Single(ledger, "friend_property_change").GetProperty("params");
        Assert.Equal(nick, changed[0].GetProperty("id").GetString());
        Assert.Equal("Nicky", changed[0].GetProperty("name").GetString());
        Assert.Equal(["name", "Nick", "Nicky"], Texts(changed, 1, 3));
        var lost = Single(ledger, "lose_friend").GetProperty("params")[0];
        Assert.Equal(gone, lost.GetProperty("id").GetString());
        Assert.Equal("Gone", lost.GetProperty("name").GetString());
        Assert.Equal("GoneRemark", lost.GetProperty("markname").GetString());
        Assert.Equal("Lhasa", lost.GetProperty("city").GetString());
        Assert.Equal("bye", lost.GetProperty("signature").GetString());
        Assert.Equal("好友", lost.GetProperty("category").GetString());
    }

    [Fact]
    public async Task A_remark_set_through_the_api_is_cached_at_once_and_posts_no_property_change()
    {
        var bot = World.CreateAccountWithFriend("cer", "RemPal");
        await _api.LoginAsync(World, "cer", bot);

        var set = await _api.GetAsync("set_markname", ("client", "cer"), ("displayname", "RemPal"), ("new_markname", "Pally"));
        Assert.Equal(0, set.GetProperty("code").GetInt32());
        var ledger = await CollectUntilBarrierAsync("cer", "cer_pal", bot);

        // The upstream echoes the remark as a ModContactList entry; the cache already has it, as Mojo's does.
        Assert.Equal("Pally", World.GetContactState(bot, "cer_pal").RemarkName);
        Assert.Empty(Named(ledger, "friend_property_change"));
    }

    [Fact]
    public async Task Leaving_a_group_posts_lose_group_with_the_group_as_it_was_known()
    {
        var bot = World.CreateAccountWithFriend("ceg", "GrpPal");
        World.CreateGroup(new CreateGroupRequest { GroupId = "grp_ceg", Name = "Club", Owner = "ceg_pal", Members = [bot], SavedToContacts = true });
        await _api.LoginAsync(World, "ceg", bot);
        var group = World.ResolveUserName(bot, "grp_ceg").UserName;
        var pal = World.ResolveUserName(bot, "ceg_pal").UserName;

        World.UpdateGroup("grp_ceg", new UpdateGroupRequest { RemoveMembers = [bot] });
        var ledger = await CollectUntilBarrierAsync("ceg", "ceg_pal", bot);

        var lost = Single(ledger, "lose_group").GetProperty("params")[0];
        Assert.Equal(group, lost.GetProperty("id").GetString());
        Assert.Equal("Club", lost.GetProperty("name").GetString());
        var members = lost.GetProperty("member").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToHashSet();
        Assert.Contains(pal, members);
        Assert.Empty(Named(ledger, "lose_group_member"));
        var groups = await _api.GetAsync("get_group_info", ("client", "ceg"));
        Assert.DoesNotContain(group, AllIds(groups));
    }

    [Fact]
    public async Task The_users_own_profile_change_posts_update_user_and_updates_get_user_info()
    {
        var bot = World.CreateAccountWithFriend("ceu", "SelfPal");
        await _api.LoginAsync(World, "ceu", bot);
        var self = World.ResolveUserName(bot, bot).UserName;
        var ledger = await StartCursorLedgerAsync("ceu", "ceu_pal", bot);

        World.UpdateUser(bot, new UpdateUserRequest { NickName = "Renamed Bot", City = "Xiamen" });
        World.SendText("ceu_pal", bot, "barrier");
        await ledger.CollectUntilAsync("barrier", Wait);

        var update = Single(ledger, "update_user").GetProperty("params")[0];
        Assert.Equal(self, update.GetProperty("id").GetString());
        Assert.Equal("Renamed Bot", update.GetProperty("name").GetString());
        Assert.Equal("Xiamen", update.GetProperty("city").GetString());
        Assert.Empty(Named(ledger, "new_friend"));
        var user = await _api.GetAsync("get_user_info", ("client", "ceu"));
        Assert.Equal("Renamed Bot", user.GetProperty("name").GetString());
        var friends = await _api.GetAsync("get_friend_info", ("client", "ceu"));
        Assert.DoesNotContain(self, AllIds(friends));
    }

    [Fact]
    public async Task Each_login_posts_update_user_once_with_the_user()
    {
        var bot = World.CreateAccountWithFriend("cel", "LoginPal");
        Assert.Equal(0, (await _api.GetAsync("start_client", ("client", "cel"))).GetProperty("code").GetInt32());
        await _api.WaitForStateAsync("cel", "scaning");
        var ledger = DeliveryLedger.CursorMode(_api, "cel");
        var first = ledger.PollOnceAsync();
        await WaitForCursorLogAsync("cel");

        var qr = await fixture.Http.GetByteArrayAsync("openwx/get_qrcode?client=cel");
        await _api.ScanAndConfirmAsync(World, "cel", bot, qr);
        await first;
        World.SendText("cel_pal", bot, "barrier");
        await ledger.CollectUntilAsync("barrier", Wait);

        var user = Single(ledger, "update_user").GetProperty("params")[0];
        Assert.Equal(World.ResolveUserName(bot, bot).UserName, user.GetProperty("id").GetString());
        Assert.Equal("cel-bot", user.GetProperty("name").GetString());
        Assert.Empty(Named(ledger, "new_friend"));
    }

    [Fact]
    public async Task A_friend_recalling_a_message_posts_the_revoke_with_the_original_id()
    {
        var bot = World.CreateAccountWithFriend("cev", "RevPal");
        await _api.LoginAsync(World, "cev", bot);

        var sent = World.SendText("cev_pal", bot, "oops");
        World.RevokeFromPhone("cev_pal", sent.MsgId);
        var ledger = await CollectUntilBarrierAsync("cev", "cev_pal", bot);

        var original = Assert.Single(ledger.Entries, e => Format(e) == "text" && e.GetProperty("content").GetString() == "oops");
        Assert.Equal(sent.MsgId, original.GetProperty("id").GetString());
        var revoke = Assert.Single(ledger.Entries, e => Format(e) == "revoke");
        Assert.Equal("receive_message", revoke.GetProperty("post_type").GetString());
        Assert.Equal(sent.MsgId, revoke.GetProperty("revoke_id").GetString());
        Assert.Equal(original.GetProperty("sender_id").GetString(), revoke.GetProperty("sender_id").GetString());
    }

    /// <summary>Mojo-mode check_event until a barrier text from <paramref name="pal"/> arrives after the change.</summary>
    private async Task<DeliveryLedger> CollectUntilBarrierAsync(string client, string pal, string bot)
    {
        var ledger = new DeliveryLedger(_api, client);
        World.SendText(pal, bot, "barrier");
        await ledger.CollectUntilAsync("barrier", Wait);
        ledger.AssertExactlyOnce(["barrier"]);
        return ledger;
    }

    /// <summary>Cursor-mode check_event, which takes every event (update_user too, which Mojo's list never queues).</summary>
    private async Task<DeliveryLedger> StartCursorLedgerAsync(string client, string pal, string bot)
    {
        var ledger = DeliveryLedger.CursorMode(_api, client);
        var first = ledger.PollOnceAsync();
        await WaitForCursorLogAsync(client);
        World.SendText(pal, bot, "warmup");
        await first;
        await ledger.CollectUntilAsync("warmup", Wait);
        return ledger;
    }

    private Task<InboxInfo> WaitForCursorLogAsync(string client)
    {
        var inbox = fixture.Cluster.Client.GetGrain<IEventInboxGrain>(AccountKey.WeChatClient(client));
        return Eventually.ValueAsync(inbox.GetInfoAsync, i => i.CursorStart is not null, Wait, "the cursor log");
    }

    private static JsonElement Single(DeliveryLedger ledger, string name) => Assert.Single(Named(ledger, name));

    private static List<JsonElement> Named(DeliveryLedger ledger, string name) =>
        [.. ledger.Entries.Where(e => e.GetProperty("post_type").GetString() == "event" && e.GetProperty("event").GetString() == name)];

    private static List<string> Texts(JsonElement array, int from, int count) =>
        [.. array.EnumerateArray().Skip(from).Take(count).Select(e => e.GetString() ?? "")];

    private static string? Format(JsonElement e) => e.TryGetProperty("format", out var f) ? f.GetString() : null;

    private static List<string?> AllIds(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetProperty("id").GetString())];
}
