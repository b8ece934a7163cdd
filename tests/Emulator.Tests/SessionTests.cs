using OpenWxCluster.TestKit;
using System.Net;
using System.Text;
using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.Tests.Support;

namespace OpenWxCluster.Emulator.Tests;

/// <summary>Session validation and invalidation: retcodes on synccheck, Ret on JSON calls.</summary>
public sealed class SessionTests
{
    private const string Cgi = "/cgi-bin/mmwebwx-bin/";

    [Theory]
    [InlineData(1100)]
    [InlineData(1101)]
    [InlineData(1102)]
    public async Task Invalidation_wakes_a_hanging_synccheck_with_the_retcode_and_json_calls_answer_it(int retCode)
    {
        await using var emu = await TestEmulator.StartAsync(TestEmulator.Fast with { SyncCheckHold = TimeSpan.FromSeconds(30) });
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        await alice.DrainMessagesAsync();

        var check = alice.SyncCheckAsync();
        await emu.Host.World.WaitForHeldSyncCheckAsync("wxid_alice");
        Assert.False(check.IsCompleted);
        await emu.Control.InvalidateSessionAsync("wxid_alice", retCode);

        // The 30 s hold would answer the retcode too; only a wake-up answers well within it.
        Assert.Equal((retCode.ToString(), "0"), await check.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal(retCode, RetOf(await alice.SyncAsync()));
        Assert.Equal(retCode, RetOf(await alice.Client.PostJsonAsync(WxTestClient.MainHost, Cgi + "webwxinit?r=1", new { BaseRequest = alice.BaseRequest() })));
        Assert.Empty(await emu.Control.ListSessionsAsync());
        var delivered = await emu.Control.SendMessageAsync("wxid_bob", "wxid_alice", "nobody home");
        Assert.Empty(delivered.DeliveredTo);
    }

    [Fact]
    public async Task A_new_login_of_the_same_account_pushes_the_old_session_out_with_1101()
    {
        await using var emu = await TestEmulator.StartAsync();
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var first = await LoginDriver.LoginAsync(emu, "wxid_alice");
        var second = await LoginDriver.LoginAsync(emu, "wxid_alice");

        Assert.Equal(("1101", "0"), await first.SyncCheckAsync());
        Assert.NotEqual(first.UserName, second.UserName);
        await second.DrainMessagesAsync();
        await emu.Control.SendMessageAsync("wxid_bob", "wxid_alice", "to the new session");
        Assert.Equal("to the new session", Assert.Single(await second.DrainMessagesAsync()).GetProperty("Content").GetString());
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        await using var emu = await TestEmulator.StartAsync();
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");

        await alice.LogoutAsync(type: 0);
        await alice.LogoutAsync(type: 1);

        Assert.Equal(("1101", "0"), await alice.SyncCheckAsync());
        Assert.Equal(1101, RetOf(await alice.SyncAsync()));
        await Assert.ThrowsAsync<EmulatorControlException>(() => emu.Control.GetSessionAsync("wxid_alice"));
    }

    [Fact]
    public async Task Wrong_credentials_and_foreign_or_malformed_synckeys_are_refused()
    {
        await using var emu = await TestEmulator.StartAsync();
        await ContactTests.SeedAsync(emu, generatedFriends: 0);
        var alice = await LoginDriver.LoginAsync(emu, "wxid_alice");
        var bob = await LoginDriver.LoginAsync(emu, "wxid_bob");
        var goodKey = "1_" + alice.SyncKey.GetProperty("List")[0].GetProperty("Val").GetInt64() + "|2_0";

        Assert.Equal(("1100", "0"), await RawSyncCheckAsync(alice, alice.Sid, "@crypt_00000000_wrong", goodKey));
        Assert.Equal(("1101", "0"), await RawSyncCheckAsync(alice, "unknownSid", alice.Skey, goodKey));
        Assert.Equal(("1102", "0"), await RawSyncCheckAsync(alice, alice.Sid, alice.Skey, "garbage"));
        Assert.Equal(("1102", "0"), await RawSyncCheckAsync(alice, alice.Sid, alice.Skey, "1_1|2_999999"));
        alice.SyncKey = bob.SyncKey;
        Assert.Equal(1102, RetOf(await alice.SyncAsync()));

        var wrongSid = await alice.Client.PostJsonAsync(WxTestClient.MainHost, Cgi + "webwxinit?r=1",
            new { BaseRequest = new { alice.Uin, Sid = "nope", alice.Skey, DeviceID = "e1" } });
        Assert.Equal(1101, RetOf(wrongSid));
        var wrongSkey = await alice.Client.PostJsonAsync(WxTestClient.MainHost, Cgi + "webwxinit?r=1",
            new { BaseRequest = new { alice.Uin, alice.Sid, Skey = "@crypt_0_0", DeviceID = "e1" } });
        Assert.Equal(1100, RetOf(wrongSkey));

        // Bob's cookies on Alice's request: a shared cookie jar is a client bug the emulator must expose.
        alice.Client.Cookies["wxsid"] = bob.Sid;
        Assert.Equal(1101, RetOf(await alice.Client.PostJsonAsync(WxTestClient.MainHost, Cgi + "webwxinit?r=1", new { BaseRequest = alice.BaseRequest() })));
    }

    [Fact]
    public async Task Json_calls_with_a_broken_body_answer_ret_1101_not_an_http_error()
    {
        await using var emu = await TestEmulator.StartAsync();
        var client = emu.NewClient();
        using var content = new StringContent("{not json", Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(HttpMethod.Post, WxTestClient.MainHost, Cgi + "webwxsync", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1101, RetOf(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement));
    }

    private static async Task<(string, string)> RawSyncCheckAsync(WebSession s, string sid, string skey, string synckey)
    {
        var body = await s.Client.GetTextAsync(WxTestClient.PushHost,
            $"{Cgi}synccheck?r=1&skey={s.Escaped(skey)}&sid={s.Escaped(sid)}&uin={s.Uin}&deviceid=e1&synckey={s.Escaped(synckey)}&_=1");
        return WebSession.ParseSyncCheck(body);
    }

    private static int RetOf(JsonElement reply) => reply.GetProperty("BaseResponse").GetProperty("Ret").GetInt32();
}
