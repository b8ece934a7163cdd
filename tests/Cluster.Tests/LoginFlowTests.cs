using OpenWxCluster.Emulator.Control;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class LoginFlowTests(ClusterFixture fixture)
{
    private readonly OpenWxHttpApi _api = new(fixture.Http);

    [Fact]
    public async Task Account_logs_in_by_qr_receives_and_sends_messages()
    {
        var world = fixture.Emulator.World;
        world.CreateUser(new CreateUserRequest { Wxid = "flow_alice", NickName = "Alice" });
        world.CreateUser(new CreateUserRequest { Wxid = "flow_bot", NickName = "FlowBot", Friends = ["flow_alice"] });

        await _api.LoginAsync(fixture.Emulator.World, "flow", "flow_bot");

        var friends = await _api.GetAsync("get_friend_info", ("client", "flow"));
        var alice = friends.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Alice");
        Assert.StartsWith("@", alice.GetProperty("id").GetString());

        world.SendText("flow_alice", "flow_bot", "hello from alice");
        var received = await _api.WaitForEventAsync("flow", e =>
            e.GetProperty("post_type").GetString() == "receive_message"
            && e.GetProperty("content").GetString() == "hello from alice");
        Assert.Equal("friend_message", received.GetProperty("type").GetString());
        Assert.Equal("Alice", received.GetProperty("sender_name").GetString());

        var sent = await _api.GetAsync("send_friend_message", ("client", "flow"), ("displayname", "Alice"), ("content", "hi alice"));
        Assert.Equal(0, sent.GetProperty("code").GetInt32());
        Assert.Equal("success", sent.GetProperty("status").GetString());
        Assert.EndsWith(":" + alice.GetProperty("id").GetString(), sent.GetProperty("id").GetString());
        Assert.Contains(world.GetSent("flow_bot"), m => m.Content == "hi alice" && m.To == "flow_alice");
    }
}
