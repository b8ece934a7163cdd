using System.Text.Json;
using OpenWxCluster.QqProtocol.Tests.Support;

namespace OpenWxCluster.QqProtocol.Tests.Client;

/// <summary>Sends and admin actions: body shape, message ids.</summary>
public sealed class WriteActionTests
{
    [Fact]
    public async Task SendGroupMsg_sends_segments_as_an_array_and_returns_the_message_id()
    {
        await using var stub = await OneBotStub.StartAsync();
        stub.Answer = _ => StubAnswer.Ok("""{"message_id":-2147000001}""");

        var id = await Clients.For(stub).SendGroupMsgAsync(
            100, [OneBotSegment.Reply(9), OneBotSegment.Text("hi [CQ:at,qq=all]"), OneBotSegment.Face(14)]);

        Assert.Equal(-2147000001, id);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("/send_group_msg", request.Path);
        Assert.Equal(100, request.Body.GetProperty("group_id").GetInt64());
        var segments = request.Body.GetProperty("message").EnumerateArray().ToList();
        Assert.Equal(["reply", "text", "face"], segments.Select(s => s.GetProperty("type").GetString()));
        // User text travels as a text segment, so the implementation can never read it as a CQ code.
        Assert.Equal("hi [CQ:at,qq=all]", segments[1].GetProperty("data").GetProperty("text").GetString());
        Assert.Equal("14", segments[2].GetProperty("data").GetProperty("id").GetString());
    }

    [Fact]
    public async Task SendPrivateMsg_targets_the_user()
    {
        await using var stub = await OneBotStub.StartAsync();
        stub.Answer = _ => StubAnswer.Ok("""{"message_id":77}""");

        Assert.Equal(77, await Clients.For(stub).SendPrivateMsgAsync(42, [OneBotSegment.Text("x")]));
        var request = Assert.Single(stub.Requests);
        Assert.Equal(("/send_private_msg", 42L), (request.Path, request.Body.GetProperty("user_id").GetInt64()));
    }

    [Fact]
    public async Task Ban_kick_and_delete_send_their_parameters()
    {
        await using var stub = await OneBotStub.StartAsync();
        stub.Answer = _ => new StubAnswer(200, """{"status":"ok","retcode":0,"data":null}""");
        var client = Clients.For(stub);

        await client.SetGroupBanAsync(100, 42, 600);
        await client.SetGroupKickAsync(100, 43, rejectAddRequest: true);
        await client.DeleteMsgAsync(555);

        var requests = stub.Requests;
        Assert.Equal(["/set_group_ban", "/set_group_kick", "/delete_msg"], requests.Select(r => r.Path));
        Assert.Equal(600, requests[0].Body.GetProperty("duration").GetInt32());
        Assert.Equal(42, requests[0].Body.GetProperty("user_id").GetInt64());
        Assert.Equal(JsonValueKind.True, requests[1].Body.GetProperty("reject_add_request").ValueKind);
        Assert.Equal(555, requests[2].Body.GetProperty("message_id").GetInt64());
    }

    [Fact]
    public async Task An_empty_message_is_refused_before_any_request()
    {
        await using var stub = await OneBotStub.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => Clients.For(stub).SendGroupMsgAsync(1, []));
        Assert.Empty(stub.Requests);
    }
}
