using OpenWxCluster.Emulator;

namespace OpenWxCluster.Protocol.Tests.Emulator;

/// <summary>The driver's media operations against the emulator: bytes go up in chunks and come back to the peer intact.</summary>
public sealed class DriverMediaTests
{
    private static EmulatorOptions Options => new() { LoginPollHold = TimeSpan.FromMilliseconds(200), SyncCheckHold = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task A_chunked_image_upload_is_sent_and_downloaded_by_the_recipient_session()
    {
        await using var emu = await EmulatorHarness.StartAsync(Options);
        var (alice, bob, bobName) = await PairAsync(emu);
        var media = (IWxMediaDriver)emu.Driver;
        var image = Bytes(1300 * 1024, 1); // three 512 KB chunks

        var upload = await media.UploadMediaAsync(alice, bobName, new WxUpload(image, "photo.jpg", "image/jpeg"));
        Assert.Equal(3, emu.Recorder.Count("/cgi-bin/mmwebwx-bin/webwxuploadmedia"));
        Assert.Equal(image.Length, upload.Size);
        var sent = await media.SendImageAsync(alice, bobName, upload.MediaId, "17000000000000011");

        var received = Assert.Single((await DriverSync.NextAsync(emu.Driver, bob)).Messages);
        Assert.Equal(3, received.MsgType);
        Assert.Equal(sent.MsgId, received.MsgId);
        var download = await media.GetMessageImageAsync(bob, received.MsgId);
        Assert.Equal(image, download.Data);
    }

    [Fact]
    public async Task A_file_goes_out_as_an_appmsg_and_the_recipient_fetches_it_with_webwxgetmedia()
    {
        await using var emu = await EmulatorHarness.StartAsync(Options);
        var (alice, bob, bobName) = await PairAsync(emu);
        var media = (IWxMediaDriver)emu.Driver;
        var file = Bytes(600 * 1024, 2);

        var upload = await media.UploadMediaAsync(alice, bobName, new WxUpload(file, "notes & plans.zip", "application/zip"));
        Assert.Equal(WxMediaKind.File, upload.Kind);
        await media.SendFileAsync(alice, bobName, upload.MediaId, "notes & plans.zip", file.Length, "17000000000000012");

        var received = Assert.Single((await DriverSync.NextAsync(emu.Driver, bob)).Messages);
        Assert.Equal(49, received.MsgType);
        Assert.Equal(6, received.AppMsgType);
        Assert.Equal("notes & plans.zip", received.FileName);
        Assert.Equal(file.Length.ToString(), received.FileSize);
        var download = await media.GetFileAsync(bob, received.FromUserName, received.MediaId, received.FileName);
        Assert.Equal(file, download.Data);
        Assert.Contains(emu.Recorder.Seen, s => s.Path == "/cgi-bin/mmwebwx-bin/webwxgetmedia" && s.UpstreamHost == "file.wx2.qq.com");
    }

    [Fact]
    public async Task Video_and_emoticon_round_trip_through_their_own_cgis()
    {
        await using var emu = await EmulatorHarness.StartAsync(Options);
        var (alice, bob, bobName) = await PairAsync(emu);
        var media = (IWxMediaDriver)emu.Driver;
        var video = Bytes(200 * 1024, 3);
        var gif = Bytes(3000, 4);

        var videoUpload = await media.UploadMediaAsync(alice, bobName, new WxUpload(video, "clip.mp4", "video/mp4"));
        await media.SendVideoAsync(alice, bobName, videoUpload.MediaId, "17000000000000013");
        var videoMsg = Assert.Single((await DriverSync.NextAsync(emu.Driver, bob)).Messages);
        Assert.Equal(43, videoMsg.MsgType);
        Assert.Equal(video, (await media.GetVideoAsync(bob, videoMsg.MsgId)).Data);

        var gifUpload = await media.UploadMediaAsync(alice, bobName, new WxUpload(gif, "smile.gif", "image/gif"));
        await media.SendEmoticonAsync(alice, bobName, gifUpload.MediaId, "17000000000000014");
        var emoticon = Assert.Single((await DriverSync.NextAsync(emu.Driver, bob)).Messages);
        Assert.Equal(47, emoticon.MsgType);
        Assert.Equal(gif, (await media.GetMessageImageAsync(bob, emoticon.MsgId, big: true)).Data);
    }

    [Fact]
    public async Task A_phone_voice_message_is_downloaded_with_webwxgetvoice()
    {
        await using var emu = await EmulatorHarness.StartAsync(Options);
        var (_, bob, _) = await PairAsync(emu);
        var voice = Bytes(5000, 5);
        var injected = emu.World.SendMedia(new OpenWxCluster.Emulator.Control.ControlMediaMessageRequest("wxid_alice", "wxid_bob", 34, Convert.ToBase64String(voice)));

        var received = Assert.Single((await DriverSync.NextAsync(emu.Driver, bob)).Messages);
        Assert.Equal(34, received.MsgType);
        Assert.Equal(voice, (await ((IWxMediaDriver)emu.Driver).GetVoiceAsync(bob, injected.MsgId)).Data);
    }

    [Fact]
    public async Task Avatars_of_contacts_download_as_png()
    {
        await using var emu = await EmulatorHarness.StartAsync(Options);
        var (alice, _, bobName) = await PairAsync(emu);
        var contacts = await emu.Driver.GetContactsAsync(alice);
        var bob = Assert.Single(contacts, c => c.UserName == bobName);

        var avatar = await ((IWxMediaDriver)emu.Driver).GetAvatarAsync(alice, bob.HeadImgUrl);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], avatar.Data[..4]);
        var missing = await Assert.ThrowsAsync<WxTransportException>(() =>
            ((IWxMediaDriver)emu.Driver).GetAvatarAsync(alice, "/cgi-bin/mmwebwx-bin/webwxgeticon?seq=1&username=@0&skey=x"));
        Assert.Equal(404, missing.HttpStatus);
    }

    private static async Task<(WxSession Alice, WxSession Bob, string BobName)> PairAsync(EmulatorHarness emu)
    {
        var bob = emu.User("bob");
        var alice = emu.User("alice", bob.Wxid);
        var aliceSession = await DriverSync.ReadyAsync(emu, alice.Wxid);
        var bobSession = await DriverSync.ReadyAsync(emu, bob.Wxid);
        return (aliceSession, bobSession, emu.NameOf(alice.Wxid, bob.Wxid));
    }

    private static byte[] Bytes(int length, int seed) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 13) + seed + (i >> 10)))];
}
