using OpenWxCluster.QqProtocol.Tests.Support;

namespace OpenWxCluster.QqProtocol.Tests.Client;

/// <summary>send_discuss_msg: its body, its message id, and an implementation that does not have it.</summary>
public sealed class DiscussActionTests
{
    [Fact]
    public async Task SendDiscussMsg_targets_the_discuss_with_segments_and_returns_the_message_id()
    {
        await using var stub = await OneBotStub.StartAsync();
        stub.Answer = _ => StubAnswer.Ok("""{"message_id":"4242"}""");

        Assert.Equal(4242, await Clients.For(stub).SendDiscussMsgAsync(40001, [OneBotSegment.Text("[CQ:face,id=1] stays text")]));

        var request = Assert.Single(stub.Requests);
        Assert.Equal(("/send_discuss_msg", 40001L), (request.Path, request.Body.GetProperty("discuss_id").GetInt64()));
        var segment = Assert.Single(request.Body.GetProperty("message").EnumerateArray().ToList());
        Assert.Equal(("text", "[CQ:face,id=1] stays text"), (segment.GetProperty("type").GetString(), segment.GetProperty("data").GetProperty("text").GetString()));
    }

    [Fact]
    public async Task An_implementation_without_send_discuss_msg_is_retcode_1404_and_the_send_goes_out_once()
    {
        await using var stub = await OneBotStub.StartAsync();
        stub.Answer = _ => new StubAnswer(404, null);

        var e = await Assert.ThrowsAsync<QqRetcodeException>(() => Clients.For(stub).SendDiscussMsgAsync(1, [OneBotSegment.Text("x")]));

        Assert.Equal((1404, "send_discuss_msg"), (e.Retcode, e.Action));
        Assert.Single(stub.Requests);
    }
}
