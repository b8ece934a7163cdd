using System.Net;
using OpenWxCluster.Emulator.World;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// upload_media and media in sends through HTTP, the real cluster and the emulator; judged by what the emulator
/// recorded (sent log, the bytes recipients download, the file appmsg's name and size).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MediaSendTests(ClusterFixture fixture) : IAsyncLifetime
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Range(0, 700_000).Select(i => (byte)(i * 7))];
    private MediaApiHost _host = null!;

    private EmulatorWorld World => fixture.Emulator.World;

    private OpenWxHttpApi Api => _host.Api;

    public async Task InitializeAsync() => _host = await MediaApiHost.StartAsync(fixture);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_uploaded_media_id_sends_the_same_bytes_to_a_friend_and_to_a_group()
    {
        var (friend, group) = await LoginAsync("ms_up", "msu");

        var uploaded = await Api.PostFormAsync("upload_media", ("client", "ms_up"), ("media_data", Convert.ToBase64String(Png)), ("media_name", "pic.png"));
        var mediaId = uploaded.GetProperty("media_id").GetString()!;
        Assert.EndsWith(":3", mediaId);
        Assert.False(uploaded.TryGetProperty("code", out _));
        Assert.Equal(("image", 3, Png.Length, "image/png", "png"), (
            uploaded.GetProperty("media_type").GetString(), uploaded.GetProperty("media_code").GetInt32(),
            uploaded.GetProperty("media_size").GetInt32(), uploaded.GetProperty("media_mime").GetString(), uploaded.GetProperty("media_ext").GetString()));

        var toFriend = await Api.GetAsync("send_friend_message", ("client", "ms_up"), ("id", friend), ("media_id", mediaId));
        var toGroup = await Api.GetAsync("send_group_message", ("client", "ms_up"), ("id", group), ("media_id", mediaId));

        Assert.Equal((0, "success", mediaId), (toFriend.GetProperty("code").GetInt32(), toFriend.GetProperty("status").GetString(), toFriend.GetProperty("media_id").GetString()));
        Assert.Equal((0, mediaId), (toGroup.GetProperty("code").GetInt32(), toGroup.GetProperty("media_id").GetString()));
        var sent = World.GetSent("msu_bot");
        Assert.Equal(["msu_friend", "grp_msu"], sent.Select(s => s.To));
        Assert.All(sent, s => Assert.Equal(3, s.MsgType));
        Assert.Equal([$"{sent[0].MsgId}:{friend}", $"{sent[1].MsgId}:{group}"], new[] { toFriend, toGroup }.Select(r => r.GetProperty("id").GetString()));
        foreach (var message in sent)
        {
            Assert.Equal(Png, Convert.FromBase64String(World.GetMessageMedia(message.MsgId).DataBase64));
        }
        var sendEvent = await Api.WaitForEventAsync("ms_up", e => e.GetProperty("post_type").GetString() == "send_message"
            && e.GetProperty("format").GetString() == "media" && e.GetProperty("receiver_id").GetString() == friend);
        Assert.Equal((mediaId, "image"), (sendEvent.GetProperty("media_id").GetString(), sendEvent.GetProperty("media_type").GetString()));
    }

    [Fact]
    public async Task A_file_sent_by_media_id_after_the_account_was_reactivated_keeps_its_name_and_size()
    {
        var (friend, _) = await LoginAsync("ms_file", "msf");
        var report = Enumerable.Range(0, 3_000).Select(i => (byte)i).ToArray();
        var uploaded = await Api.PostFormAsync("upload_media", ("client", "ms_file"), ("media_data", Convert.ToBase64String(report)), ("media_name", "report.pdf"));
        var mediaId = uploaded.GetProperty("media_id").GetString()!;
        Assert.EndsWith(":6", mediaId);

        // The upload list lives in the grain's saved state, not in the activation.
        await fixture.Cluster.DeactivateAsync(fixture.Cluster.Client.GetGrain<IWxAccountGrain>(AccountKey.WeChatClient("ms_file")));
        await Api.WaitForStateAsync("ms_file", "running");
        var reply = await Api.GetAsync("send_friend_message", ("client", "ms_file"), ("id", friend), ("media_id", mediaId));

        Assert.Equal(0, reply.GetProperty("code").GetInt32());
        var sent = Assert.Single(World.GetSent("msf_bot"));
        Assert.Equal(49, sent.MsgType);
        var content = WebUtility.HtmlDecode(sent.Content);
        Assert.Contains("<title>report.pdf</title>", content);
        Assert.Contains("<totallen>3000</totallen>", content);
        var media = World.GetMessageMedia(sent.MsgId);
        Assert.Equal(report, Convert.FromBase64String(media.DataBase64));
    }

    [Fact]
    public async Task Content_and_media_data_send_two_messages_text_first()
    {
        var (friend, _) = await LoginAsync("ms_both", "msb");
        var gif = "GIF89a"u8.ToArray().Concat(new byte[500]).ToArray();

        var reply = await Api.PostFormAsync("send_friend_message", ("client", "ms_both"), ("id", friend), ("content", "look at this"),
            ("media_data", Convert.ToBase64String(gif)));

        var sent = World.GetSent("msb_bot");
        Assert.Equal([(1, "look at this"), (47, sent[1].Content)], sent.Select(s => (s.MsgType, s.Content)));
        Assert.Equal($"{sent[1].MsgId}:{friend}", reply.GetProperty("id").GetString());
        Assert.EndsWith(":47", reply.GetProperty("media_id").GetString());
        Assert.Equal(gif, Convert.FromBase64String(World.GetMessageMedia(sent[1].MsgId).DataBase64));
    }

    [Fact]
    public async Task Media_path_in_the_folder_and_media_url_send_their_bytes()
    {
        var (friend, group) = await LoginAsync("ms_path", "msp");
        var video = Enumerable.Range(0, 10_000).Select(i => (byte)(i % 251)).ToArray();
        await File.WriteAllBytesAsync(Path.Combine(_host.Folder, "clip.mp4"), video);
        await using var server = await MediaFileServer.StartAsync(Png);

        var byPath = await Api.GetAsync("send_group_message", ("client", "ms_path"), ("id", group), ("media_path", "clip.mp4"));
        var byUrl = await Api.GetAsync("send_friend_message", ("client", "ms_path"), ("id", friend), ("media_url", server.BaseUrl + "/pic.png"));

        Assert.Equal((0, 0), (byPath.GetProperty("code").GetInt32(), byUrl.GetProperty("code").GetInt32()));
        var sent = World.GetSent("msp_bot");
        Assert.Equal([(43, "grp_msp"), (3, "msp_friend")], sent.Select(s => (s.MsgType, s.To)));
        Assert.Equal(video, Convert.FromBase64String(World.GetMessageMedia(sent[0].MsgId).DataBase64));
        Assert.Equal(Png, Convert.FromBase64String(World.GetMessageMedia(sent[1].MsgId).DataBase64));
        Assert.Equal("pic.png", World.GetMessageMedia(sent[1].MsgId).Name);
    }

    private async Task<(string Friend, string Group)> LoginAsync(string client, string prefix)
    {
        var (friend, group) = await _host.LoginBotAsync(client, prefix, withGroup: true);
        return (friend, group!);
    }
}
