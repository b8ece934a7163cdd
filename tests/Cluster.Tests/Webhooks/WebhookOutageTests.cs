using System.Collections.Concurrent;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Webhooks;

/// <summary>
/// A receiver that is really down for five minutes — connection refused, then 503s — while messages keep coming:
/// afterwards every event reaches it in order, exactly once, and the reply to a message sent during the outage
/// reaches the emulator once. The back-off is shortened (1 s cap), the outage is not.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WebhookOutageTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Everything_sent_during_a_five_minute_outage_arrives_in_order_once()
    {
        var accepted = new ConcurrentQueue<ReceivedPost>();
        var available = true;
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = p =>
        {
            if (!Volatile.Read(ref available))
            {
                return (503, null);
            }
            accepted.Enqueue(p);
            return (200, p.Content == "ping" ? """{"reply":"pong"}""" : "{}");
        };
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("outage", "OutagePal");
        var api = new OpenWxHttpApi(fixture.Http);
        await api.LoginAsync(world, "outage", "outage_bot", ("post_api", receiver.Url), ("post_event", "0"));
        world.SendText("outage_pal", "outage_bot", "before");
        await Eventually.TrueAsync(() => Task.FromResult(accepted.Any(p => p.Content == "before")), TimeSpan.FromSeconds(30), "the first post");

        var during = new List<string>();
        async Task SendDuringAsync(string text)
        {
            during.Add(text);
            world.SendText("outage_pal", "outage_bot", text);
            await world.WaitUntilAcknowledgedAsync("outage_bot", TimeSpan.FromSeconds(30));
        }

        await receiver.DownAsync(); // connection refused
        await SendDuringAsync("refused-1");
        await Task.Delay(Phase / 2);
        await SendDuringAsync("ping");
        await Task.Delay(Phase / 2);
        Volatile.Write(ref available, false);
        await receiver.UpAsync(); // up, but answering 503
        await SendDuringAsync("unavailable-1");
        await Task.Delay(Phase);
        await SendDuringAsync("unavailable-2");
        Volatile.Write(ref available, true);

        await Eventually.TrueAsync(
            () => Task.FromResult(accepted.Any(p => p.Content == "unavailable-2")), TimeSpan.FromSeconds(60), "the backlog delivered");
        await Eventually.TrueAsync(
            () => Task.FromResult(world.GetSent("outage_bot").Any(m => m.Content == "pong")), TimeSpan.FromSeconds(30), "the reply sent");
        world.SendText("outage_pal", "outage_bot", "after");
        await Eventually.TrueAsync(() => Task.FromResult(accepted.Any(p => p.Content == "after")), TimeSpan.FromSeconds(30), "the post after");

        var received = accepted.Where(p => p.PostType == "receive_message").Select(p => p.Content).ToList();
        Assert.Equal(["before", .. during, "after"], received);
        Assert.Single(world.GetSent("outage_bot"), m => m.Content == "pong");
        var first = accepted.Single(p => p.Content == "refused-1");
        Assert.True(int.Parse(first.Header("X-OpenWx-Attempt")!) > 1, "delivered by a retry");
        Assert.Contains(receiver.Posts, p => p.Content == "refused-1" && p.EventId == first.EventId && !ReferenceEquals(p, first));
    }
}
