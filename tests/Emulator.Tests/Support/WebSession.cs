using System.Net;
using System.Text.Json;

namespace OpenWxCluster.Emulator.Tests.Support;

/// <summary>A logged-in web session as a test client holds it: credentials from newloginpage, keys from init/sync.</summary>
internal sealed class WebSession(WxTestClient client, string wxid, long uin, string sid, string skey, string passTicket)
{
    private const string Cgi = "/cgi-bin/mmwebwx-bin/";

    public WxTestClient Client { get; } = client;
    public string Wxid { get; } = wxid;
    public long Uin { get; } = uin;
    public string Sid { get; } = sid;
    public string Skey { get; } = skey;
    public string PassTicket { get; } = passTicket;
    public string UserName { get; set; } = "";
    public JsonElement SyncKey { get; set; }
    public JsonElement? SyncCheckKey { get; set; }

    public object BaseRequest() => new { Uin, Sid, Skey, DeviceID = "e123456789012345" };

    public string Escaped(string value) => WebUtility.UrlEncode(value);

    public async Task<JsonElement> InitAsync()
    {
        var init = await Client.PostJsonAsync(WxTestClient.MainHost, $"{Cgi}webwxinit?r=-1&pass_ticket={Escaped(PassTicket)}", new { BaseRequest = BaseRequest() });
        Assert.Equal(0, init.GetProperty("BaseResponse").GetProperty("Ret").GetInt32());
        UserName = init.GetProperty("User").GetProperty("UserName").GetString()!;
        SyncKey = init.GetProperty("SyncKey").Clone();
        return init;
    }

    /// <summary>synccheck with the SyncCheckKey if the last sync gave one (as Mojo does), else the SyncKey.</summary>
    public async Task<(string RetCode, string Selector)> SyncCheckAsync(CancellationToken ct = default)
    {
        var key = string.Join('|', (SyncCheckKey ?? SyncKey).GetProperty("List").EnumerateArray()
            .Select(i => $"{i.GetProperty("Key").GetInt32()}_{i.GetProperty("Val").GetInt64()}"));
        var path = $"{Cgi}synccheck?r=1&skey={Escaped(Skey)}&sid={Escaped(Sid)}&uin={Uin}&deviceid=e1&synckey={Escaped(key)}&_=1";
        using var response = await Client.SendAsync(HttpMethod.Get, WxTestClient.PushHost, path, null, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ParseSyncCheck(await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>The value of key <paramref name="k"/> in a SyncKey or SyncCheckKey (key 2: the seq it confirms).</summary>
    public static long Val(JsonElement key, int k) =>
        key.GetProperty("List").EnumerateArray().First(i => i.GetProperty("Key").GetInt32() == k).GetProperty("Val").GetInt64();

    public static (string RetCode, string Selector) ParseSyncCheck(string body)
    {
        var match = System.Text.RegularExpressions.Regex.Match(body, "^window\\.synccheck=\\{retcode:\"(\\d+)\",selector:\"(\\d+)\"\\}$");
        Assert.True(match.Success, body);
        return (match.Groups[1].Value, match.Groups[2].Value);
    }

    /// <summary>webwxsync; stores the new keys when Ret is 0 (each only if its Count ≠ 0, as clients do).</summary>
    public async Task<JsonElement> SyncAsync()
    {
        var sync = await Client.PostJsonAsync(WxTestClient.MainHost,
            $"{Cgi}webwxsync?sid={Escaped(Sid)}&skey={Escaped(Skey)}&pass_ticket={Escaped(PassTicket)}",
            new { BaseRequest = new { Uin, Sid }, SyncKey, rr = -1 });
        if (sync.GetProperty("BaseResponse").GetProperty("Ret").GetInt32() == 0)
        {
            SyncKey = sync.GetProperty("SyncKey").Clone();
            SyncCheckKey = sync.GetProperty("SyncCheckKey").Clone();
        }

        return sync;
    }

    /// <summary>Syncs until ContinueFlag is 0 and returns every AddMsgList entry.</summary>
    public async Task<List<JsonElement>> DrainMessagesAsync()
    {
        var all = new List<JsonElement>();
        while (true)
        {
            var sync = await SyncAsync();
            Assert.Equal(0, sync.GetProperty("BaseResponse").GetProperty("Ret").GetInt32());
            all.AddRange(sync.GetProperty("AddMsgList").EnumerateArray().Select(m => m.Clone()));
            if (sync.GetProperty("ContinueFlag").GetInt32() == 0)
            {
                return all;
            }
        }
    }

    /// <summary>webwxlogout as the web client sends it: sid and uin as a form, skey in the query.</summary>
    public async Task LogoutAsync(int type = 0)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["sid"] = Sid, ["uin"] = Uin.ToString() });
        using var response = await Client.SendAsync(HttpMethod.Post, WxTestClient.MainHost,
            $"{Cgi}webwxlogout?redirect=1&type={type}&skey={Escaped(Skey)}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public Task<JsonElement> SendTextAsync(string toUserName, string content, string clientMsgId) =>
        Client.PostJsonAsync(WxTestClient.MainHost, $"{Cgi}webwxsendmsg?pass_ticket={Escaped(PassTicket)}", new
        {
            BaseRequest = BaseRequest(),
            Msg = new { ClientMsgId = clientMsgId, Content = content, FromUserName = UserName, LocalID = clientMsgId, ToUserName = toUserName, Type = 1 },
            Scene = 0,
        });
}
