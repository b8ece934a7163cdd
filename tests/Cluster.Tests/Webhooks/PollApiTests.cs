using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Webhooks;

/// <summary>
/// poll_api as Mojo's NAT traversal uses it: the bot's server answers the heartbeat with a redirect to this API's
/// own URL, and the account makes that call. Judged by the emulator's sent log.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PollApiTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_redirect_to_the_api_makes_that_call_once_and_the_heartbeat_goes_on()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var armed = 0;
        var local = $"{fixture.Http.BaseAddress}openwx/send_friend_message?displayname=PollPal&content=via-poll";
        receiver.PollAnswer = _ => Interlocked.CompareExchange(ref armed, 2, 1) == 1 ? (302, local) : (200, null);
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("poll1", "PollPal");
        await new OpenWxHttpApi(fixture.Http).LoginAsync(world, "poll1", "poll1_bot", ("poll_api", receiver.PollUrl), ("poll_interval", "1"));

        Volatile.Write(ref armed, 1);
        await Eventually.TrueAsync(() => Task.FromResult(world.GetSent("poll1_bot").Any(m => m.Content == "via-poll")), Wait, "the redirected send");
        var after = receiver.Polls.Count;
        await Eventually.TrueAsync(() => Task.FromResult(receiver.Polls.Count >= after + 2), Wait, "two more heartbeats");

        Assert.Single(world.GetSent("poll1_bot"), m => m.Content == "via-poll");
        Assert.All(receiver.Polls, p => Assert.Equal("poll1", p.Query["client"]));
    }

    [Fact]
    public async Task Seven_redirects_are_followed_and_an_eighth_is_not()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var hops = 0; // redirects before the local one: 6 makes 7 in all, 7 makes 8
        receiver.PollAnswer = p =>
        {
            var planned = Volatile.Read(ref hops);
            if (planned == 0)
            {
                return (200, null);
            }
            var left = p.Path == "/poll" ? planned : int.Parse(p.Path["/poll/hop/".Length..]) - 1;
            return left == 0
                ? (302, $"{fixture.Http.BaseAddress}openwx/send_friend_message?displayname=HopPal&content=after-{planned}-hops")
                : (302, $"/poll/hop/{left}");
        };
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("poll2", "HopPal");
        await new OpenWxHttpApi(fixture.Http).LoginAsync(world, "poll2", "poll2_bot", ("poll_api", receiver.PollUrl), ("poll_interval", "1"));

        Volatile.Write(ref hops, 6);
        await Eventually.TrueAsync(() => Task.FromResult(world.GetSent("poll2_bot").Any(m => m.Content == "after-6-hops")), Wait, "the 7th redirect's call");
        Volatile.Write(ref hops, 7);
        var chainsBefore = receiver.Polls.Count(p => p.Path == "/poll/hop/1");
        await Eventually.TrueAsync(
            () => Task.FromResult(receiver.Polls.Count(p => p.Path == "/poll/hop/1") >= chainsBefore + 3), Wait, "three chains of eight");

        Assert.DoesNotContain(world.GetSent("poll2_bot"), m => m.Content == "after-7-hops");
    }
}
