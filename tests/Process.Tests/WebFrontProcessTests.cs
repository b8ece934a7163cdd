using OpenWxCluster.TestKit;

namespace OpenWxCluster.Process.Tests;

/// <summary>The web front as its own process: an Orleans client serving the same API as the co-hosted one.</summary>
[Collection(ProcessCollection.Name)]
public sealed class WebFrontProcessTests(ProcessClusterFixture fixture)
{
    [Fact]
    public async Task Standalone_web_front_finds_the_silos_in_postgres_and_serves_the_api()
    {
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("wf", "WfPal");

        using var front = HostProcess.StartWebFront("webfront", fixture.Settings, fixture.LogDirectory);
        await front.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        var api = new OpenWxHttpApi(front.Http);

        // The whole login goes through the stand-alone front: start, QR, state changes.
        await api.LoginAsync(world, "wf", "wf_bot");
        var friends = await api.GetAsync("get_friend_info", ("client", "wf"));
        Assert.Contains(friends.EnumerateArray(), f => f.GetProperty("name").GetString() == "WfPal");
        var sent = await api.GetAsync("send_friend_message", ("client", "wf"), ("displayname", "WfPal"), ("content", "from the front"));
        Assert.Equal(0, sent.GetProperty("code").GetInt32());
        Assert.Contains(world.GetSent("wf_bot"), m => m.Content == "from the front" && m.To == "wf_pal");

        world.SendText("wf_pal", "wf_bot", "to the front");
        var received = await api.WaitForEventAsync("wf", e => e.TryGetProperty("content", out var c) && c.GetString() == "to the front");
        Assert.Equal("WfPal", received.GetProperty("sender_name").GetString());

        // The API description is served by this hosting shape too (loopback, no admin credential configured).
        var document = await front.Http.GetStringAsync("admin/openapi/v1.json");
        Assert.Contains("\"/openwx/send_friend_message\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/openqq/send_sess_message\"", document, StringComparison.Ordinal);
    }
}
