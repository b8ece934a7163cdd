using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Grains.Account;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Webhooks;

/// <summary>
/// Events far larger than usual must not vanish: a 2 MB text arrives cut at the documented cap with the marker,
/// and a 10 MB media message arrives as a message that refers to the media (its bytes are not in the event), at
/// check_event and at post_api alike.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LargeEventTests(ClusterFixture fixture)
{
    private const int Cap = 65_536;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_2_MB_text_and_a_10_MB_media_message_are_delivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("large", "LargePal");
        var api = new OpenWxHttpApi(fixture.Http);
        await api.LoginAsync(world, "large", "large_bot", ("post_api", receiver.Url), ("post_event", "0"));

        var text = string.Concat(Enumerable.Repeat("0123456789abcdef", 2 * 1024 * 1024 / 16));
        world.SendText("large_pal", "large_bot", text);
        var video = new byte[10 * 1024 * 1024];
        Random.Shared.NextBytes(video);
        world.SendMedia(new ControlMediaMessageRequest("large_pal", "large_bot", 43, Convert.ToBase64String(video)));
        world.SendText("large_pal", "large_bot", "barrier");

        var events = new List<JsonElement>();
        await Eventually.TrueAsync(
            async () =>
            {
                events.AddRange((await api.GetAsync("check_event", ("client", "large"))).EnumerateArray().Select(e => e.Clone()));
                return events.Any(e => e.GetProperty("content").GetString() == "barrier");
            },
            Wait,
            "the barrier at check_event");
        await Eventually.TrueAsync(() => Task.FromResult(receiver.Posts.Any(p => p.Content == "barrier")), Wait, "the barrier at post_api");

        var expected = text[..Cap] + string.Format(MessageMapper.TruncationMarker, text.Length);
        var received = events.Where(e => e.GetProperty("post_type").GetString() == "receive_message").ToList();
        Assert.Equal(3, received.Count);
        Assert.Equal(expected, received[0].GetProperty("content").GetString());
        Assert.Equal("media", received[1].GetProperty("format").GetString());
        Assert.False(string.IsNullOrEmpty(received[1].GetProperty("media_id").GetString()));
        var posted = receiver.Posts.Where(p => p.PostType == "receive_message").ToList();
        Assert.Equal(3, posted.Count);
        Assert.Equal(expected, posted[0].Content);
        Assert.Equal(received[1].GetProperty("event_id").GetString(), posted[1].EventId);
    }
}
