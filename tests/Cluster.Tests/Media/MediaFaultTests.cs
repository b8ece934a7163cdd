using System.Net;
using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using Microsoft.Extensions.DependencyInjection;
using OpenWxCluster.Media;
using OpenWxCluster.TestKit;
using static OpenWxCluster.Cluster.Tests.Media.MediaSamples;

namespace OpenWxCluster.Cluster.Tests.Media;

/// <summary>
/// Received media under upstream faults (emulator-wide, so each test owns its cluster): a failed download still
/// delivers the message, marked, without stopping the sync; a batch fetched again does not download again.
/// </summary>
public sealed class MediaFaultTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_failed_or_too_large_download_delivers_the_message_once_marked_and_the_next_messages_follow()
    {
        await using var run = await IsolatedRun.StartAsync(silo: s => s.Services.Configure<MediaStoreOptions>(o => o.MaxMediaBytes = 4_096));
        var world = run.Fixture.Emulator.World;
        world.CreateAccountWithFriend("mfail", "FailPal");
        await run.Api.LoginAsync(world, "mfail", "mfail_bot");
        world.SetFault(new FaultRequest { Mode = "error", Status = 500, PathContains = "webwxgetmsgimg" });

        var sent = Send(world, "mfail_pal", "mfail_bot", 3, Png(11), mime: "image/png");
        var large = Send(world, "mfail_pal", "mfail_bot", 34, Bytes(13, 5_000));
        world.SendText("mfail_pal", "mfail_bot", "after the image");
        var entries = await CollectUntilAsync(run.Api, "mfail", e => Content(e) == "after the image");

        var image = Assert.Single(entries, e => Id(e) == sent.MsgId);
        Assert.Equal("download failed", image.GetProperty(MediaFields.Error).GetString());
        Assert.Equal("[图片]", image.GetProperty("content").GetString());
        Assert.False(image.TryGetProperty(MediaFields.Path, out _));
        Assert.False(image.TryGetProperty(MediaFields.Data, out _));
        Assert.Equal(0, world.MediaDownloads(sent.MsgId));
        var voice = Assert.Single(entries, e => Id(e) == large.MsgId);
        Assert.Equal("too large", voice.GetProperty(MediaFields.Error).GetString());
        Assert.False(voice.TryGetProperty(MediaFields.Path, out _));
        using var media = await run.Fixture.Http.GetAsync($"openwx/get_media?client=mfail&id={sent.MsgId}");
        Assert.Equal(HttpStatusCode.NotFound, media.StatusCode);
    }

    [Fact]
    public async Task A_batch_fetched_again_after_its_handling_failed_does_not_download_its_media_twice()
    {
        // The watchdog reminder brings the account back after each failed batch stopped its activation.
        await using var run = await IsolatedRun.StartAsync(sync: o => o.WatchdogPeriod = TimeSpan.FromSeconds(2));
        var world = run.Fixture.Emulator.World;
        world.CreateAccountWithFriend("monce", "OncePal");
        world.CreateUser(new CreateUserRequest { Wxid = "monce_stranger", NickName = "Stranger" });
        await run.Api.LoginAsync(world, "monce", "monce_bot");

        // Hold the sync back so the image and the friend request arrive in one batch.
        world.SetFault(new FaultRequest { Mode = "error", PathContains = "/synccheck" });
        await run.Api.WaitForClientEntryAsync(
            "monce", e => e.GetProperty("offline_cause").GetString() == OfflineCauses.Transport, "sync held back");
        var image = Png(12);
        var sent = Send(world, "monce_pal", "monce_bot", 3, image, mime: "image/png");
        world.SendFriendRequest(new FriendRequestRequest("monce_stranger", "monce_bot", "after the image"));
        // The friend request's statusnotify fails after the image was stored: the batch fails twice and is fetched
        // again from the saved SyncKey each time.
        world.SetFault(new FaultRequest { Mode = "error", PathContains = "webwxstatusnotify", Count = 2 });

        var entries = await CollectUntilAsync(run.Api, "monce",
            e => e.GetProperty("post_type").GetString() == "event" && e.GetProperty("event").GetString() == "friend_request");

        AssertCarries(Assert.Single(entries, e => Id(e) == sent.MsgId), image, "image/png");
        Assert.Equal(1, world.MediaDownloads(sent.MsgId));
    }

    private static string? Id(JsonElement e) => e.TryGetProperty("id", out var id) ? id.GetString() : null;

    private static string? Content(JsonElement e) => e.TryGetProperty("content", out var c) ? c.GetString() : null;

    /// <summary>Every check_event entry up to and including the first that matches.</summary>
    private static async Task<List<JsonElement>> CollectUntilAsync(OpenWxHttpApi api, string client, Func<JsonElement, bool> last)
    {
        var entries = new List<JsonElement>();
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var e in (await api.GetAsync("check_event", ("client", client))).EnumerateArray())
            {
                entries.Add(e);
                if (last(e))
                {
                    return entries;
                }
            }
        }
        throw new TimeoutException($"no closing entry for {client} within {Wait}");
    }
}
