using System.Net;
using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.TestKit;
using static OpenWxCluster.Cluster.Tests.Media.MediaSamples;

namespace OpenWxCluster.Cluster.Tests.Media;

/// <summary>
/// Received media end to end: an emulated phone sends media, the account downloads each once (the emulator counts
/// the downloads it served), and a post_api receiver, check_event and get_media all get the same bytes.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReceivedMediaTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_friends_image_file_voice_and_video_reach_post_api_check_event_and_get_media_with_the_same_bytes_downloaded_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var world = fixture.Emulator.World;
        world.CreateAccountWithFriend("rmed1", "MediaPal");
        var api = new OpenWxHttpApi(fixture.Http);
        await api.LoginAsync(world, "rmed1", "rmed1_bot", ("post_api", receiver.Url));

        var image = Png(1);
        var file = Bytes(2, 5000);
        var voice = Bytes(3, 2000);
        var video = Bytes(4, 70_000);
        var sentImage = Send(world, "rmed1_pal", "rmed1_bot", 3, image, mime: "image/png");
        var sentFile = Send(world, "rmed1_pal", "rmed1_bot", 49, file, fileName: "report.pdf");
        var sentVoice = Send(world, "rmed1_pal", "rmed1_bot", 34, voice);
        var sentVideo = Send(world, "rmed1_pal", "rmed1_bot", 43, video);
        world.SendText("rmed1_pal", "rmed1_bot", "barrier");
        await Eventually.TrueAsync(() => Task.FromResult(receiver.Posts.Any(p => p.Content == "barrier")), Wait, "the barrier at post_api");

        var media = receiver.Posts.Where(p => p.PostType == "receive_message" && p.Json.GetProperty("format").GetString() == "media").ToList();
        Assert.Equal([sentImage.MsgId, sentFile.MsgId, sentVoice.MsgId, sentVideo.MsgId], media.Select(p => p.Json.GetProperty("id").GetString()));
        AssertCarries(media[0].Json, image, "image/png", $"{sentImage.MsgId}.png");
        AssertCarries(media[1].Json, file, "application/octet-stream", "report.pdf");
        AssertCarries(media[2].Json, voice, "audio/mp3", $"{sentVoice.MsgId}.mp3");
        AssertCarries(media[3].Json, video, "video/mp4", $"{sentVideo.MsgId}.mp4");
        Assert.StartsWith("[图片](", media[0].Content);
        Assert.StartsWith("[文件](", media[1].Content);

        // check_event (Mojo's list) carries media_data too.
        var entry = await api.WaitForEventAsync("rmed1", e => e.TryGetProperty("id", out var id) && id.GetString() == sentVideo.MsgId, Wait);
        AssertCarries(entry, video, "video/mp4");

        await AssertServedAsync(fixture.Http, "rmed1", sentImage.MsgId, image, "image/png");
        await AssertServedAsync(fixture.Http, "rmed1", sentFile.MsgId, file, "application/octet-stream");
        await AssertServedAsync(fixture.Http, "rmed1", sentVoice.MsgId, voice, "audio/mp3");
        await AssertServedAsync(fixture.Http, "rmed1", sentVideo.MsgId, video, "video/mp4");

        var fileMediaId = media[1].Json.GetProperty("media_id").GetString()!.Split(':')[0];
        Assert.Equal(1, world.MediaDownloads(sentImage.MsgId));
        Assert.Equal(1, world.MediaDownloads(fileMediaId));
        Assert.Equal(1, world.MediaDownloads(sentVoice.MsgId));
        Assert.Equal(1, world.MediaDownloads(sentVideo.MsgId));
    }

    [Fact]
    public async Task A_group_members_image_reaches_check_event_and_get_media()
    {
        var world = fixture.Emulator.World;
        world.CreateUser(new CreateUserRequest { Wxid = "rmg_member", NickName = "Painter" });
        world.CreateUser(new CreateUserRequest { Wxid = "rmg_bot", NickName = "GroupMediaBot" });
        world.CreateGroup(new CreateGroupRequest { GroupId = "grp_rmg", Name = "Pictures", Owner = "rmg_bot", Members = ["rmg_member"], SavedToContacts = true });
        var api = new OpenWxHttpApi(fixture.Http);
        await api.LoginAsync(world, "rmed_group", "rmg_bot");

        var image = Png(5);
        var sent = Send(world, "rmg_member", "grp_rmg", 3, image, mime: "image/png");

        var entry = await api.WaitForEventAsync("rmed_group", e => e.TryGetProperty("id", out var id) && id.GetString() == sent.MsgId, Wait);
        Assert.Equal("group_message", entry.GetProperty("type").GetString());
        Assert.Equal(world.ResolveUserName("rmg_bot", "grp_rmg").UserName, entry.GetProperty("group_id").GetString());
        AssertCarries(entry, image, "image/png");
        await AssertServedAsync(fixture.Http, "rmed_group", sent.MsgId, image, "image/png");
        Assert.Equal(1, world.MediaDownloads(sent.MsgId));
    }

    [Fact]
    public async Task Get_media_answers_a_json_error_for_an_unknown_missing_or_invalid_id()
    {
        using var unknown = await fixture.Http.GetAsync("openwx/get_media?client=rmed_nobody&id=12345");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("""{"code":100,"status":"media not found"}""", await unknown.Content.ReadAsStringAsync());

        using var missing = await fixture.Http.GetAsync("openwx/get_media?client=rmed_nobody");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(-1, JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetInt32());

        using var invalid = await fixture.Http.GetAsync("openwx/get_media?client=rmed_nobody&id=..%2Fetc");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }
}
