using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.Tests.Support;

namespace OpenWxCluster.Emulator.Tests;

/// <summary>Friend requests, oplog, revoke and group management through the web endpoints.</summary>
public sealed class SocialTests
{
    private const string Cgi = "/cgi-bin/mmwebwx-bin/";

    [Fact]
    public async Task A_friend_request_arrives_as_msgtype_37_and_verifyuser_opcode_3_makes_them_friends()
    {
        await using var emu = await TestEmulator.StartAsync();
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        await alice.DrainMessagesAsync();

        var request = await emu.Control.SendFriendRequestAsync(new FriendRequestRequest("wxid_carol", "wxid_alice", "I am Carol"));
        var message = Assert.Single(await alice.DrainMessagesAsync());
        Assert.Equal(37, message.GetProperty("MsgType").GetInt32());
        Assert.Equal("fmessage", message.GetProperty("FromUserName").GetString());
        var info = message.GetProperty("RecommendInfo");
        Assert.Equal("Carol", info.GetProperty("NickName").GetString());
        Assert.Equal("I am Carol", info.GetProperty("Content").GetString());
        Assert.Equal(request.Ticket, info.GetProperty("Ticket").GetString());

        var verify = await Post(alice, "webwxverifyuser?r=1", new
        {
            BaseRequest = alice.BaseRequest(),
            Opcode = 3,
            VerifyUserListSize = 1,
            VerifyUserList = new[] { new { Value = info.GetProperty("UserName").GetString(), VerifyUserTicket = info.GetProperty("Ticket").GetString() } },
            VerifyContent = "",
            SceneListCount = 1,
            SceneList = new[] { 33 },
            skey = alice.Skey,
        });

        Assert.Equal(0, RetOf(verify));
        Assert.Equal(1, (await emu.Control.GetUserAsync("wxid_carol")).FriendCount);
        Assert.Equal(2, (await emu.Control.GetUserAsync("wxid_alice")).FriendCount);
        Assert.True(Assert.Single(await emu.Control.ListFriendRequestsAsync()).Accepted);
        var mod = await alice.SyncAsync();
        Assert.Equal(info.GetProperty("UserName").GetString(), Assert.Single(mod.GetProperty("ModContactList").EnumerateArray()).GetProperty("UserName").GetString());
    }

    [Fact]
    public async Task Oplog_sets_a_remark_and_revoke_sends_a_10002_sysmsg_to_the_peer()
    {
        await using var emu = await TestEmulator.StartAsync();
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        var bob = await LoginDriver.LoginAsync(emu, "wxid_bob");
        await alice.DrainMessagesAsync();
        await bob.DrainMessagesAsync();
        var bobName = (await emu.Control.ResolveUserNameAsync("wxid_alice", "wxid_bob")).UserName;

        Assert.Equal(0, RetOf(await Post(alice, "webwxoplog", new { BaseRequest = alice.BaseRequest(), CmdId = 2, RemarkName = "Bobby", UserName = bobName })));
        var mod = Assert.Single((await alice.SyncAsync()).GetProperty("ModContactList").EnumerateArray());
        Assert.Equal("Bobby", mod.GetProperty("RemarkName").GetString());
        Assert.Equal(0, RetOf(await Post(alice, "webwxoplog", new { BaseRequest = alice.BaseRequest(), CmdId = 3, OP = 1, UserName = bobName })));

        var sent = await alice.SendTextAsync(bobName, "oops", "17000000000000042");
        var msgId = sent.GetProperty("MsgID").GetString();
        await bob.DrainMessagesAsync();
        var revoke = await Post(alice, "webwxrevokemsg", new { BaseRequest = alice.BaseRequest(), ClientMsgId = "17000000000000042", SvrMsgId = msgId, ToUserName = bobName });

        Assert.Equal(0, RetOf(revoke));
        var sysmsg = Assert.Single(await bob.DrainMessagesAsync());
        Assert.Equal(10002, sysmsg.GetProperty("MsgType").GetInt32());
        Assert.Contains($"&lt;msgid&gt;{msgId}&lt;/msgid&gt;", sysmsg.GetProperty("Content").GetString());
        Assert.NotEqual(0, RetOf(await Post(alice, "webwxrevokemsg", new { BaseRequest = alice.BaseRequest(), ClientMsgId = "1", SvrMsgId = "123", ToUserName = bobName })));
    }

    [Fact]
    public async Task Createchatroom_then_updatechatroom_rename_add_and_remove_members()
    {
        await using var emu = await TestEmulator.StartAsync();
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        await emu.Control.CreateUserAsync(new CreateUserRequest { Wxid = "wxid_dave", NickName = "Dave", Friends = ["wxid_alice"] });
        await emu.Control.CreateFriendshipAsync(new FriendshipRequest("wxid_alice", "wxid_carol"));
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        string Name(string id) => emu.Control.ResolveUserNameAsync("wxid_alice", id).GetAwaiter().GetResult().UserName;

        var created = await Post(alice, "webwxcreatechatroom?r=1", new
        {
            BaseRequest = alice.BaseRequest(),
            MemberCount = 2,
            MemberList = new[] { new { UserName = Name("wxid_bob") }, new { UserName = Name("wxid_carol") } },
            Topic = "New room",
        });
        Assert.Equal(0, RetOf(created));
        var room = created.GetProperty("ChatRoomName").GetString()!;
        Assert.StartsWith("@@", room);
        Assert.Equal(3, created.GetProperty("MemberCount").GetInt32());

        Assert.Equal(0, RetOf(await Post(alice, "webwxupdatechatroom?fun=modtopic", new { BaseRequest = alice.BaseRequest(), ChatRoomName = room, NewTopic = "Renamed" })));
        Assert.Equal(0, RetOf(await Post(alice, "webwxupdatechatroom?fun=addmember", new { BaseRequest = alice.BaseRequest(), ChatRoomName = room, AddMemberList = Name("wxid_dave") })));
        Assert.Equal(0, RetOf(await Post(alice, "webwxupdatechatroom?fun=delmember", new { BaseRequest = alice.BaseRequest(), ChatRoomName = room, DelMemberList = Name("wxid_bob") })));
        Assert.NotEqual(0, RetOf(await Post(alice, "webwxupdatechatroom?fun=addmember", new { BaseRequest = alice.BaseRequest(), ChatRoomName = room, AddMemberList = "@unknown" })));

        var batch = await Post(alice, "webwxbatchgetcontact?type=ex&r=1", new { BaseRequest = alice.BaseRequest(), Count = 1, List = new[] { new { UserName = room, EncryChatRoomId = "" } } });
        var group = Assert.Single(batch.GetProperty("ContactList").EnumerateArray());
        Assert.Equal("Renamed", group.GetProperty("NickName").GetString());
        Assert.Equal(["Alice", "Carol", "Dave"], group.GetProperty("MemberList").EnumerateArray().Select(m => m.GetProperty("NickName").GetString()).Order());
    }

    private static Task<JsonElement> Post(WebSession s, string cgiAndQuery, object body) =>
        s.Client.PostJsonAsync(WxTestClient.MainHost, Cgi + cgiAndQuery + (cgiAndQuery.Contains('?') ? "&" : "?") + "pass_ticket=" + s.Escaped(s.PassTicket), body);

    private static int RetOf(JsonElement reply) => reply.GetProperty("BaseResponse").GetProperty("Ret").GetInt32();
}
