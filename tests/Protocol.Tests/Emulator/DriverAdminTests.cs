using OpenWxCluster.Emulator;
using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Protocol.Tests.Emulator;

/// <summary>The driver's chat-admin operations against the emulator: groups, remark, stick, friend requests, revoke.</summary>
public sealed class DriverAdminTests
{
    private static EmulatorOptions Options => new() { LoginPollHold = TimeSpan.FromMilliseconds(200), SyncCheckHold = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Group_create_rename_add_remove_and_invitemember_from_40_members()
    {
        await using var emu = await EmulatorHarness.StartAsync(Options);
        var alice = emu.World.CreateUser(new CreateUserRequest { Wxid = "wxid_alice", NickName = "alice", GeneratedFriends = 45 });
        var friends = Enumerable.Range(1, 45).Select(i => $"{alice.Wxid}_f{i:D5}").ToArray();
        var session = await DriverSync.ReadyAsync(emu, alice.Wxid);
        var admin = (IWxChatAdminDriver)emu.Driver;
        string Name(string id) => emu.NameOf(alice.Wxid, id);

        var room = await admin.CreateChatRoomAsync(session, "Project", [Name(friends[0]), Name(friends[1])]);
        Assert.StartsWith("@@", room.ChatRoomName);
        var groupId = Assert.Single(emu.World.GetUser(alice.Wxid)!.Groups, g => Name(g) == room.ChatRoomName);
        Assert.Equal(3, emu.World.GetGroup(groupId)!.Members.Count);

        await admin.SetChatRoomTopicAsync(session, room.ChatRoomName, "Renamed");
        await admin.AddChatRoomMembersAsync(session, room.ChatRoomName, [Name(friends[2])], currentMemberCount: 3);
        await admin.DeleteChatRoomMembersAsync(session, room.ChatRoomName, [Name(friends[0])]);
        var group = emu.World.GetGroup(groupId)!;
        Assert.Equal("Renamed", group.Name);
        Assert.Contains(friends[2], group.Members);
        Assert.DoesNotContain(friends[0], group.Members);

        // 3 members + 35 = 38 still goes through addmember; the next 2 reach 40 and need invitemember.
        await admin.AddChatRoomMembersAsync(session, room.ChatRoomName, [.. friends[3..38].Select(Name)], currentMemberCount: 3);
        Assert.Equal(38, emu.World.GetGroup(groupId)!.Members.Count);
        await admin.AddChatRoomMembersAsync(session, room.ChatRoomName, [Name(friends[40]), Name(friends[41])], currentMemberCount: 38);
        Assert.Equal(40, emu.World.GetGroup(groupId)!.Members.Count);

        // The emulator refuses addmember at that size, so a driver that ignored the rule gets Ret 1.
        var refused = await Assert.ThrowsAsync<WxRetException>(() =>
            admin.AddChatRoomMembersAsync(session, room.ChatRoomName, [Name(friends[42])], currentMemberCount: 0));
        Assert.Equal(1, refused.Ret);

        var (_, modified, _) = await DriverSync.DrainAsync(emu.Driver, session);
        var latest = modified.Last(c => c.UserName == room.ChatRoomName);
        Assert.Equal("Renamed", latest.NickName);
    }

    [Fact]
    public async Task Remark_and_stick_reach_the_world_and_the_remark_comes_back_in_ModContactList()
    {
        await using var emu = await EmulatorHarness.StartAsync(Options);
        var bob = emu.User("bob");
        var alice = emu.User("alice", bob.Wxid);
        var session = await DriverSync.ReadyAsync(emu, alice.Wxid);
        var admin = (IWxChatAdminDriver)emu.Driver;
        var bobName = emu.NameOf(alice.Wxid, bob.Wxid);

        await admin.SetRemarkNameAsync(session, bobName, "Bobby");
        await admin.SetStickAsync(session, bobName, stick: true);
        await admin.SetStickAsync(session, bobName, stick: false);

        var (_, modified, _) = await DriverSync.NextAsync(emu.Driver, session);
        Assert.Equal("Bobby", modified.Last(c => c.UserName == bobName).RemarkName);
        await Assert.ThrowsAsync<WxRetException>(() => admin.SetRemarkNameAsync(session, "@0000", "x"));
    }

    [Fact]
    public async Task A_friend_request_arrives_as_37_and_accepting_it_adds_the_friend()
    {
        await using var emu = await EmulatorHarness.StartAsync(Options);
        var carol = emu.User("carol");
        var alice = emu.User("alice");
        var session = await DriverSync.ReadyAsync(emu, alice.Wxid);

        emu.World.SendFriendRequest(new FriendRequestRequest(carol.Wxid, alice.Wxid, "hi, it's carol"));
        var (messages, _, _) = await DriverSync.NextAsync(emu.Driver, session);
        var request = Assert.Single(messages, m => m.MsgType == 37);
        Assert.Equal("fmessage", request.FromUserName);
        var info = request.RecommendInfo!;
        Assert.Equal("carol", info.NickName);
        Assert.Equal("hi, it's carol", info.Content);
        Assert.NotEmpty(info.Ticket);

        await ((IWxChatAdminDriver)emu.Driver).VerifyUserAsync(session, WxVerifyOpcode.VerifyOk, info.UserName, info.Ticket, "");
        var (_, modified, _) = await DriverSync.NextAsync(emu.Driver, session);
        Assert.Contains(modified, c => c.UserName == info.UserName && c.NickName == "carol");
        Assert.True(Assert.Single(emu.World.ListFriendRequests()).Accepted);
        Assert.Equal(1, emu.World.GetUser(alice.Wxid)!.FriendCount);
    }

    [Fact]
    public async Task A_revoked_message_reaches_the_peer_as_10002()
    {
        await using var emu = await EmulatorHarness.StartAsync(Options);
        var bob = emu.User("bob");
        var alice = emu.User("alice", bob.Wxid);
        var aliceSession = await DriverSync.ReadyAsync(emu, alice.Wxid);
        var bobSession = await DriverSync.ReadyAsync(emu, bob.Wxid);
        var bobName = emu.NameOf(alice.Wxid, bob.Wxid);

        var sent = await emu.Driver.SendTextAsync(aliceSession, bobName, "oops", "17000000000001234");
        Assert.Single((await DriverSync.NextAsync(emu.Driver, bobSession)).Messages, m => m.MsgId == sent.MsgId);
        await ((IWxMediaDriver)emu.Driver).RevokeAsync(aliceSession, bobName, sent.MsgId, "17000000000001234");

        var revoke = Assert.Single((await DriverSync.NextAsync(emu.Driver, bobSession)).Messages);
        Assert.Equal(10002, revoke.MsgType);
        Assert.Contains($"&lt;msgid&gt;{sent.MsgId}&lt;/msgid&gt;", revoke.Content);
        Assert.Contains("revokemsg", revoke.Content);
        await Assert.ThrowsAsync<WxRetException>(() => ((IWxMediaDriver)emu.Driver).RevokeAsync(aliceSession, bobName, "999999999", "1"));
    }
}
