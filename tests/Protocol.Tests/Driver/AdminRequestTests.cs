using OpenWxCluster.Protocol.Tests.Support;

namespace OpenWxCluster.Protocol.Tests.Driver;

public sealed class AdminRequestTests
{
    private static RecordingHandler Ok() => new() { Fallback = _ => RecordingHandler.Text("{" + TestDrivers.OkBase + "}") };

    [Fact]
    public async Task Revoke_posts_SvrMsgId_and_ToUserName()
    {
        var handler = Ok();
        await TestDrivers.Create(handler).RevokeAsync(TestDrivers.Session(), "@friend", "5550001", "17000000000001234");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/cgi-bin/mmwebwx-bin/webwxrevokemsg", request.Uri.AbsolutePath);
        Assert.Equal("5550001", request.Json.GetProperty("SvrMsgId").GetString());
        Assert.Equal("@friend", request.Json.GetProperty("ToUserName").GetString());
        Assert.Equal("17000000000001234", request.Json.GetProperty("ClientMsgId").GetString());
    }

    [Fact]
    public async Task Revoke_failure_is_a_ret_error()
    {
        var handler = new RecordingHandler().EnqueueJson("{\"BaseResponse\":{\"Ret\":-1,\"ErrMsg\":\"\"}}");
        var ex = await Assert.ThrowsAsync<WxRetException>(() =>
            TestDrivers.Create(handler).RevokeAsync(TestDrivers.Session(), "@friend", "1", "2"));
        Assert.Equal(-1, ex.Ret);
    }

    [Fact]
    public async Task CreateChatRoom_lists_members_and_returns_the_new_group()
    {
        var handler = new RecordingHandler().EnqueueJson("{" + TestDrivers.OkBase
            + ",\"Topic\":\"Team\",\"ChatRoomName\":\"@@newroom\",\"MemberCount\":2,\"MemberList\":[{\"UserName\":\"@a\",\"MemberStatus\":0},{\"UserName\":\"@b\",\"MemberStatus\":0}]}");
        var result = await TestDrivers.Create(handler).CreateChatRoomAsync(TestDrivers.Session(), "Team", ["@a", "@b"]);

        Assert.Equal("@@newroom", result.ChatRoomName);
        Assert.Equal(["@a", "@b"], result.MemberList.Select(m => m.UserName));
        var request = Assert.Single(handler.Requests);
        Assert.Equal("/cgi-bin/mmwebwx-bin/webwxcreatechatroom", request.Uri.AbsolutePath);
        Assert.NotNull(request.Query("r"));
        Assert.Equal(2, request.Json.GetProperty("MemberCount").GetInt32());
        Assert.Equal("@b", request.Json.GetProperty("MemberList")[1].GetProperty("UserName").GetString());
        Assert.Equal("Team", request.Json.GetProperty("Topic").GetString());
    }

    [Theory]
    [InlineData(10, "addmember", "AddMemberList")]
    [InlineData(38, "invitemember", "InviteMemberList")]
    [InlineData(37, "addmember", "AddMemberList")]
    public async Task AddMembers_switches_to_invite_from_40_members(int current, string fun, string field)
    {
        var handler = Ok();
        await TestDrivers.Create(handler).AddChatRoomMembersAsync(TestDrivers.Session(), "@@room", ["@a", "@b"], current);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/cgi-bin/mmwebwx-bin/webwxupdatechatroom", request.Uri.AbsolutePath);
        Assert.Equal(fun, request.Query("fun"));
        Assert.Equal("@@room", request.Json.GetProperty("ChatRoomName").GetString());
        Assert.Equal("@a,@b", request.Json.GetProperty(field).GetString());
    }

    [Fact]
    public async Task Topic_and_delete_use_their_fun()
    {
        var handler = Ok();
        var driver = TestDrivers.Create(handler);
        await driver.SetChatRoomTopicAsync(TestDrivers.Session(), "@@room", "New name");
        await driver.DeleteChatRoomMembersAsync(TestDrivers.Session(), "@@room", ["@x", "@y"]);

        Assert.Equal("modtopic", handler.Requests[0].Query("fun"));
        Assert.Equal("New name", handler.Requests[0].Json.GetProperty("NewTopic").GetString());
        Assert.Equal("delmember", handler.Requests[1].Query("fun"));
        Assert.Equal("@x,@y", handler.Requests[1].Json.GetProperty("DelMemberList").GetString());
    }

    [Fact]
    public async Task Oplog_remark_and_stick()
    {
        var handler = Ok();
        var driver = TestDrivers.Create(handler);
        await driver.SetRemarkNameAsync(TestDrivers.Session(), "@friend", "老王");
        await driver.SetStickAsync(TestDrivers.Session(), "@friend", stick: true);
        await driver.SetStickAsync(TestDrivers.Session(), "@friend", stick: false);

        Assert.All(handler.Requests, r => Assert.Equal("/cgi-bin/mmwebwx-bin/webwxoplog", r.Uri.AbsolutePath));
        Assert.Equal(2, handler.Requests[0].Json.GetProperty("CmdId").GetInt32());
        Assert.Equal("老王", handler.Requests[0].Json.GetProperty("RemarkName").GetString());
        Assert.Equal(3, handler.Requests[1].Json.GetProperty("CmdId").GetInt32());
        Assert.Equal(1, handler.Requests[1].Json.GetProperty("OP").GetInt32());
        Assert.Equal(0, handler.Requests[2].Json.GetProperty("OP").GetInt32());
        Assert.Equal("@friend", handler.Requests[2].Json.GetProperty("UserName").GetString());
    }

    [Theory]
    [InlineData(WxVerifyOpcode.SendRequest, "", 2)]
    [InlineData(WxVerifyOpcode.VerifyOk, "v2_ticket@stranger", 3)]
    public async Task VerifyUser_sends_opcode_ticket_and_scene_33(WxVerifyOpcode opcode, string ticket, int expected)
    {
        var handler = Ok();
        await TestDrivers.Create(handler).VerifyUserAsync(TestDrivers.Session(), opcode, "@stranger", ticket, "hello");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/cgi-bin/mmwebwx-bin/webwxverifyuser", request.Uri.AbsolutePath);
        var body = request.Json;
        Assert.Equal(expected, body.GetProperty("Opcode").GetInt32());
        Assert.Equal(1, body.GetProperty("VerifyUserListSize").GetInt32());
        Assert.Equal("@stranger", body.GetProperty("VerifyUserList")[0].GetProperty("Value").GetString());
        Assert.Equal(ticket, body.GetProperty("VerifyUserList")[0].GetProperty("VerifyUserTicket").GetString());
        Assert.Equal("hello", body.GetProperty("VerifyContent").GetString());
        Assert.Equal(33, body.GetProperty("SceneList")[0].GetInt32());
        Assert.Equal(1, body.GetProperty("SceneListCount").GetInt32());
        Assert.Equal("@crypt_SKEYSECRET", body.GetProperty("skey").GetString());
    }
}
