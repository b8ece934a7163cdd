using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.World;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>revoke_message, get_avatar and consult through HTTP, the real cluster and the emulator.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ConversationRouteTests(ClusterFixture fixture)
{
    private readonly OpenWxHttpApi _api = new(fixture.Http);
    private EmulatorWorld World => fixture.Emulator.World;

    [Fact]
    public async Task Revoke_message_recalls_the_message_the_send_returned()
    {
        World.CreateUser(new CreateUserRequest { Wxid = "crv_ida", NickName = "Ida" });
        World.CreateUser(new CreateUserRequest { Wxid = "crv_bot", NickName = "RevokeBot", Friends = ["crv_ida"] });
        await _api.LoginAsync(World, "cr_revoke", "crv_bot");
        var ida = World.ResolveUserName("crv_bot", "crv_ida").UserName;
        var sent = await _api.GetAsync("send_friend_message", ("client", "cr_revoke"), ("id", ida), ("content", "oops"));
        var id = sent.GetProperty("id").GetString()!;
        var msgId = id[..id.IndexOf(':', StringComparison.Ordinal)];

        var revoked = await _api.GetAsync("revoke_message", ("client", "cr_revoke"), ("id", id));

        Assert.Equal($$"""{"id":"{{id}}","code":0,"status":"revoke success"}""", revoked.GetRawText());
        var recall = Assert.Single(World.GetSent("crv_bot"), s => s.MsgType == 10002);
        Assert.Contains($"<msgid>{msgId}</msgid>", recall.Content, StringComparison.Ordinal);
        Assert.Equal("crv_ida", recall.To);

        // Mojo's quirk: a refused recall is code 0 too, told apart by its status.
        var unknown = await _api.GetAsync("revoke_message", ("client", "cr_revoke"), ("id", $"999999:{ida}"));
        Assert.Equal($$"""{"id":"999999:{{ida}}","code":0,"status":"revoke failure"}""", unknown.GetRawText());
        using var phoneId = await fixture.Http.GetAsync($"openwx/revoke_message?client=cr_revoke&id={msgId}");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, phoneId.StatusCode);
        Assert.Single(World.GetSent("crv_bot"), s => s.MsgType == 10002);
    }

    [Fact]
    public async Task Get_avatar_serves_the_upstream_image_of_a_friend_group_member_and_the_user()
    {
        World.CreateUser(new CreateUserRequest { Wxid = "cav_jo", NickName = "Jo" });
        World.CreateUser(new CreateUserRequest { Wxid = "cav_kim", NickName = "Kim" });
        World.CreateUser(new CreateUserRequest { Wxid = "cav_bot", NickName = "AvatarBot", Friends = ["cav_jo"] });
        World.CreateGroup(new CreateGroupRequest { GroupId = "grp_cav", Name = "Faces", Owner = "cav_kim", Members = ["cav_bot"], SavedToContacts = true });
        await _api.LoginAsync(World, "cr_avatar", "cav_bot");
        var jo = World.ResolveUserName("cav_bot", "cav_jo").UserName;
        var kim = World.ResolveUserName("cav_bot", "cav_kim").UserName;
        var group = World.ResolveUserName("cav_bot", "grp_cav").UserName;
        await _api.WaitForMemberAsync("cr_avatar", group, kim);
        var self = (await _api.GetAsync("get_user_info", ("client", "cr_avatar"))).GetProperty("id").GetString()!;

        Assert.Equal(World.GetAvatar("cav_jo"), await AvatarAsync(("id", jo)));
        Assert.Equal(World.GetAvatar("grp_cav"), await AvatarAsync(("id", group)));
        Assert.Equal(World.GetAvatar("cav_kim"), await AvatarAsync(("id", kim), ("group_id", group)));
        Assert.Equal(World.GetAvatar("cav_bot"), await AvatarAsync(("id", self)));

        var unknown = await _api.GetAsync("get_avatar", ("client", "cr_avatar"), ("id", "@nobody"));
        Assert.Equal("""{"code":100,"status":"object not found"}""", unknown.GetRawText());
        var notMember = await _api.GetAsync("get_avatar", ("client", "cr_avatar"), ("id", jo), ("group_id", group));
        Assert.Equal(100, notMember.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Consult_answers_with_the_friends_reply_and_ignores_other_senders()
    {
        World.CreateUser(new CreateUserRequest { Wxid = "ccs_oracle", NickName = "Oracle" });
        World.CreateUser(new CreateUserRequest { Wxid = "ccs_noise", NickName = "Noise" });
        World.CreateUser(new CreateUserRequest { Wxid = "ccs_bot", NickName = "ConsultBot", Friends = ["ccs_oracle", "ccs_noise"] });
        await _api.LoginAsync(World, "cr_consult", "ccs_bot");
        var noise = World.ResolveUserName("ccs_bot", "ccs_noise").UserName;

        var consult = _api.GetAsync("consult", ("client", "cr_consult"), ("displayname", "Oracle"), ("content", "question?"), ("timeout", "120"));
        await Eventually.TrueAsync(
            () => Task.FromResult(World.GetSent("ccs_bot").Any(s => s.Content == "question?")), TimeSpan.FromSeconds(30), "the question reached upstream");

        // The account keeps serving while the consult waits, and another friend's message does not answer it.
        World.SendText("ccs_noise", "ccs_bot", "unrelated");
        var other = await _api.GetAsync("send_friend_message", ("client", "cr_consult"), ("id", noise), ("content", "meanwhile"));
        Assert.Equal(0, other.GetProperty("code").GetInt32());
        await _api.WaitForEventAsync("cr_consult", e => e.TryGetProperty("content", out var c) && c.GetString() == "unrelated");
        Assert.False(consult.IsCompleted);

        var answer = World.SendText("ccs_oracle", "ccs_bot", "the answer");
        var reply = await consult;

        Assert.Equal("the answer", reply.GetProperty("reply").GetString());
        Assert.Equal(answer.MsgId, reply.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Consult_sends_media_too_and_answers_with_the_reply()
    {
        World.CreateUser(new CreateUserRequest { Wxid = "ccm_eye", NickName = "Eye" });
        World.CreateUser(new CreateUserRequest { Wxid = "ccm_bot", NickName = "PictureBot", Friends = ["ccm_eye"] });
        await _api.LoginAsync(World, "cr_media", "ccm_bot");
        var eye = World.ResolveUserName("ccm_bot", "ccm_eye").UserName;
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9, 8, 7];

        var consult = _api.PostFormAsync(
            "consult", ("client", "cr_media"), ("id", eye), ("media_data", Convert.ToBase64String(png)), ("media_name", "q.png"), ("timeout", "120"));
        await Eventually.TrueAsync(
            () => Task.FromResult(World.GetSent("ccm_bot").Any(s => s.MsgType == 3)), TimeSpan.FromSeconds(30), "the picture reached upstream");
        World.SendText("ccm_eye", "ccm_bot", "a cat");
        var reply = await consult;

        Assert.Equal("a cat", reply.GetProperty("reply").GetString());
        var image = Assert.Single(World.GetSent("ccm_bot"));
        Assert.Equal(png, Convert.FromBase64String(World.GetMessageMedia(image.MsgId).DataBase64));
    }

    [Fact]
    public async Task Consult_without_a_reply_answers_mojos_timeout()
    {
        World.CreateUser(new CreateUserRequest { Wxid = "cct_mute", NickName = "Mute" });
        World.CreateUser(new CreateUserRequest { Wxid = "cct_bot", NickName = "WaitBot", Friends = ["cct_mute"] });
        await _api.LoginAsync(World, "cr_timeout", "cct_bot");
        var mute = World.ResolveUserName("cct_bot", "cct_mute").UserName;

        var reply = await _api.GetAsync("consult", ("client", "cr_timeout"), ("id", mute), ("content", "anyone?"), ("timeout", "1"));

        Assert.Equal("reply timeout", reply.GetProperty("reply_status").GetString());
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("reply").ValueKind);
        Assert.Equal(0, reply.GetProperty("code").GetInt32());
        Assert.Single(World.GetSent("cct_bot"), s => s.Content == "anyone?");
    }

    private async Task<byte[]> AvatarAsync(params (string Key, string Value)[] query)
    {
        var url = "openwx/get_avatar?client=cr_avatar&" + string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        using var response = await fixture.Http.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
