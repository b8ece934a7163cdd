using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.Tests.Support;

namespace OpenWxCluster.Emulator.Tests;

/// <summary>webwxinit, webwxgetcontact paging and webwxbatchgetcontact as a client reads them.</summary>
public sealed class ContactTests
{
    private const string Cgi = "/cgi-bin/mmwebwx-bin/";

    [Fact]
    public async Task Init_returns_self_recent_chats_with_group_members_synckey_and_skey()
    {
        await using var emu = await TestEmulator.StartAsync();
        await SeedAsync(emu, generatedFriends: 3);
        var client = emu.NewClient();
        var session = await LoginWithoutInitAsync(emu, client);

        var init = await session.InitAsync();

        var user = init.GetProperty("User");
        Assert.Matches("^@[0-9a-f]{32}$", user.GetProperty("UserName").GetString());
        Assert.Equal("Alice", user.GetProperty("NickName").GetString());
        Assert.Equal(session.Uin, user.GetProperty("Uin").GetInt64());
        Assert.Equal(session.Skey, init.GetProperty("SKey").GetString());
        var syncKey = init.GetProperty("SyncKey");
        Assert.Equal(syncKey.GetProperty("Count").GetInt32(), syncKey.GetProperty("List").GetArrayLength());
        Assert.Contains(syncKey.GetProperty("List").EnumerateArray(), k => k.GetProperty("Key").GetInt32() == 1);

        var contacts = init.GetProperty("ContactList").EnumerateArray().ToList();
        Assert.Equal(init.GetProperty("Count").GetInt32(), contacts.Count);
        var group = Assert.Single(contacts, c => c.GetProperty("UserName").GetString()!.StartsWith("@@", StringComparison.Ordinal));
        Assert.Matches("^@@[0-9a-f]{64}$", group.GetProperty("UserName").GetString());
        Assert.Equal("Team", group.GetProperty("NickName").GetString());
        Assert.Equal(3, group.GetProperty("MemberCount").GetInt32());
        Assert.Equal(3, group.GetProperty("MemberList").GetArrayLength());
        Assert.StartsWith("@", group.GetProperty("EncryChatRoomId").GetString());
        Assert.Contains(contacts, c => c.GetProperty("UserName").GetString() == "filehelper");
        foreach (var c in contacts)
        {
            Assert.Contains(c.GetProperty("UserName").GetString()!, init.GetProperty("ChatSet").GetString()!);
        }
    }

    [Fact]
    public async Task Getcontact_pages_by_seq_until_zero_and_lists_every_friend_once()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.Control.CreateUserAsync(new CreateUserRequest { Wxid = "wxid_alice", NickName = "Alice", GeneratedFriends = 450 });
        var session = await LoginDriver.LoginAsync(emu, "wxid_alice");

        var names = new List<string>();
        var pages = 0;
        long seq = 0;
        do
        {
            var page = await session.Client.GetJsonAsync(WxTestClient.MainHost,
                $"{Cgi}webwxgetcontact?r=1&seq={seq}&skey={session.Escaped(session.Skey)}&pass_ticket={session.Escaped(session.PassTicket)}");
            Assert.Equal(0, page.GetProperty("BaseResponse").GetProperty("Ret").GetInt32());
            var members = page.GetProperty("MemberList").EnumerateArray().ToList();
            Assert.Equal(page.GetProperty("MemberCount").GetInt32(), members.Count);
            Assert.True(members.Count <= 200);
            names.AddRange(members.Select(m => m.GetProperty("UserName").GetString()!));
            seq = page.GetProperty("Seq").GetInt64();
            pages++;
        }
        while (seq != 0);

        Assert.Equal(3, pages);
        Assert.Equal(451, names.Count);
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Contains("filehelper", names);
        var friendName = (await emu.Control.ResolveUserNameAsync("wxid_alice", "wxid_alice_f00123")).UserName;
        Assert.Contains(friendName, names);
    }

    [Fact]
    public async Task Batchgetcontact_rejects_more_than_50_and_returns_groups_with_members_and_member_details()
    {
        await using var emu = await TestEmulator.StartAsync();
        await SeedAsync(emu, generatedFriends: 60);
        var session = await LoginDriver.LoginAsync(emu, "wxid_alice");
        var contacts = await session.Client.GetJsonAsync(WxTestClient.MainHost, $"{Cgi}webwxgetcontact?r=1&seq=0&skey={session.Escaped(session.Skey)}");
        var friendNames = contacts.GetProperty("MemberList").EnumerateArray().Select(m => m.GetProperty("UserName").GetString()!).Take(51).ToList();

        var tooMany = await BatchAsync(session, friendNames.Select(n => new { UserName = n, EncryChatRoomId = "" }));
        Assert.NotEqual(0, tooMany.GetProperty("BaseResponse").GetProperty("Ret").GetInt32());

        var fifty = await BatchAsync(session, friendNames.Take(50).Select(n => new { UserName = n, EncryChatRoomId = "" }));
        Assert.Equal(0, fifty.GetProperty("BaseResponse").GetProperty("Ret").GetInt32());
        Assert.Equal(50, fifty.GetProperty("ContactList").GetArrayLength());

        var groupName = (await emu.Control.ResolveUserNameAsync("wxid_alice", "grp_team")).UserName;
        var groupReply = await BatchAsync(session, [new { UserName = groupName, EncryChatRoomId = "" }]);
        var group = Assert.Single(groupReply.GetProperty("ContactList").EnumerateArray());
        Assert.Equal(groupName, group.GetProperty("UserName").GetString());
        var bob = await emu.Control.GetUserAsync("wxid_bob");
        Assert.Equal(bob.Uin, group.GetProperty("OwnerUin").GetInt64());
        var members = group.GetProperty("MemberList").EnumerateArray().ToList();
        Assert.Equal(3, members.Count);
        var carolName = members.Single(m => m.GetProperty("NickName").GetString() == "Carol").GetProperty("UserName").GetString()!;

        var encry = group.GetProperty("EncryChatRoomId").GetString()!;
        var carolReply = await BatchAsync(session, [new { UserName = carolName, EncryChatRoomId = encry }]);
        var carol = Assert.Single(carolReply.GetProperty("ContactList").EnumerateArray());
        Assert.Equal("Carol", carol.GetProperty("NickName").GetString());
        Assert.Equal("Shanghai", carol.GetProperty("City").GetString());
    }

    [Fact]
    public async Task Remark_change_arrives_as_ModContactList_and_unfriending_as_DelContactList()
    {
        await using var emu = await TestEmulator.StartAsync();
        await SeedAsync(emu, generatedFriends: 0);
        var session = await LoginDriver.LoginAsync(emu, "wxid_alice");
        await session.DrainMessagesAsync();
        var bobName = (await emu.Control.ResolveUserNameAsync("wxid_alice", "wxid_bob")).UserName;

        await emu.Control.SetRemarkAsync("wxid_alice", "wxid_bob", "Bobby");
        Assert.Equal(("0", "4"), await session.SyncCheckAsync());
        var mod = await session.SyncAsync();
        var changed = Assert.Single(mod.GetProperty("ModContactList").EnumerateArray());
        Assert.Equal(bobName, changed.GetProperty("UserName").GetString());
        Assert.Equal("Bobby", changed.GetProperty("RemarkName").GetString());
        Assert.Equal(1, mod.GetProperty("ModContactCount").GetInt32());

        await emu.Control.DeleteFriendshipAsync("wxid_alice", "wxid_bob");
        var del = await session.SyncAsync();
        var gone = Assert.Single(del.GetProperty("DelContactList").EnumerateArray());
        Assert.Equal(bobName, gone.GetProperty("UserName").GetString());
        Assert.Equal(1, del.GetProperty("DelContactCount").GetInt32());
    }

    internal static async Task SeedAsync(TestEmulator emu, int generatedFriends)
    {
        await emu.Control.CreateUserAsync(new CreateUserRequest { Wxid = "wxid_alice", NickName = "Alice", GeneratedFriends = generatedFriends });
        await emu.Control.CreateUserAsync(new CreateUserRequest { Wxid = "wxid_bob", NickName = "Bob", Friends = ["wxid_alice"] });
        await emu.Control.CreateUserAsync(new CreateUserRequest { Wxid = "wxid_carol", NickName = "Carol", City = "Shanghai" });
        await emu.Control.CreateGroupAsync(new CreateGroupRequest { GroupId = "grp_team", Name = "Team", Owner = "wxid_bob", Members = ["wxid_alice", "wxid_carol"] });
    }

    private static Task<JsonElement> BatchAsync(WebSession session, IEnumerable<object> items)
    {
        var list = items.ToList();
        return session.Client.PostJsonAsync(WxTestClient.MainHost, $"{Cgi}webwxbatchgetcontact?type=ex&r=1&pass_ticket={session.Escaped(session.PassTicket)}",
            new { BaseRequest = session.BaseRequest(), Count = list.Count, List = list });
    }

    private static async Task<WebSession> LoginWithoutInitAsync(TestEmulator emu, WxTestClient client)
    {
        var uuid = await LoginDriver.JsLoginAsync(client);
        await emu.Control.ScanAsync(uuid, "wxid_alice");
        await emu.Control.ConfirmAsync(uuid);
        var (_, xml) = await LoginDriver.NewLoginPageAsync(client, LoginDriver.RedirectOf(await LoginDriver.PollAsync(client, uuid)));
        return new WebSession(client, "wxid_alice", long.Parse(xml.Element("wxuin")!.Value), xml.Element("wxsid")!.Value,
            xml.Element("skey")!.Value, System.Net.WebUtility.UrlDecode(xml.Element("pass_ticket")!.Value));
    }
}
