using System.Globalization;
using System.Text.Json;
using OpenWxCluster.Protocol.Tests.Support;

namespace OpenWxCluster.Protocol.Tests.Driver;

public sealed class SyncRequestTests
{
    [Fact]
    public async Task SyncCheck_goes_to_webpush_with_SyncKey_when_no_SyncCheckKey()
    {
        var handler = new RecordingHandler().EnqueueText("window.synccheck={retcode:\"0\",selector:\"2\"}");
        var result = await TestDrivers.Create(handler).SyncCheckAsync(TestDrivers.Session());

        Assert.Equal(new SyncCheckResult(0, 2), result);
        Assert.True(result.HasNews);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://webpush.wx2.qq.com/cgi-bin/mmwebwx-bin/synccheck", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("@crypt_SKEYSECRET", request.Query("skey"));
        Assert.Equal("SIDSECRET01", request.Query("sid"));
        Assert.Equal("2100000001", request.Query("uin"));
        Assert.Matches("^e[0-9]{15}$", request.Query("deviceid"));
        Assert.Equal("1_100|2_200", request.Query("synckey"));
        Assert.Contains("synckey=1_100%7C2_200", request.Uri.Query);
        Assert.NotNull(request.Query("r"));
        Assert.NotNull(request.Query("_"));
    }

    [Fact]
    public async Task SyncCheck_prefers_SyncCheckKey_and_reports_retcodes()
    {
        var handler = new RecordingHandler().EnqueueText("window.synccheck={retcode:\"1101\",selector:\"0\"}");
        var session = TestDrivers.Session();
        session.SyncCheckKey = new WxSyncKey([new WxSyncKeyItem(1, 101), new WxSyncKeyItem(1000, 5)]);
        var result = await TestDrivers.Create(handler).SyncCheckAsync(session);

        Assert.Equal(SyncCheckResult.LoggedInElsewhere, result.RetCode);
        Assert.False(result.HasNews);
        Assert.Equal("1_101|1000_5", Assert.Single(handler.Requests).Query("synckey"));
    }

    [Fact]
    public async Task Sync_posts_SyncKey_updates_keys_and_returns_messages_and_contacts()
    {
        var handler = new RecordingHandler().EnqueueJson("{" + TestDrivers.OkBase + ","
            + "\"AddMsgCount\":1,\"AddMsgList\":[{\"MsgId\":\"7001\",\"FromUserName\":\"@friend\",\"ToUserName\":\"@self0000\",\"MsgType\":1,"
            + "\"Content\":\"hi &amp; bye\",\"CreateTime\":1700000000,\"AppMsgType\":0,\"StatusNotifyCode\":0,"
            + "\"RecommendInfo\":{\"UserName\":\"\",\"NickName\":\"\",\"Ticket\":\"\"}}],"
            + "\"ModContactCount\":1,\"ModContactList\":[{\"UserName\":\"@@g\",\"NickName\":\"G2\",\"MemberList\":[]}],"
            + "\"DelContactCount\":1,\"DelContactList\":[{\"UserName\":\"@gone\"}],"
            + "\"SyncKey\":{\"Count\":1,\"List\":[{\"Key\":1,\"Val\":101}]},"
            + "\"SyncCheckKey\":{\"Count\":0,\"List\":[]},\"SKey\":\"@crypt_next\",\"ContinueFlag\":0}");
        var session = TestDrivers.Session();
        var result = await TestDrivers.Create(handler).SyncAsync(session);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxsync", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("SIDSECRET01", request.Query("sid"));
        Assert.Equal("@crypt_SKEYSECRET", request.Query("skey"));
        Assert.Equal("PT/SECRET+1=", request.Query("pass_ticket"));
        var body = request.Json;
        Assert.Equal(2, body.GetProperty("SyncKey").GetProperty("Count").GetInt32());
        Assert.Equal(200, body.GetProperty("SyncKey").GetProperty("List")[1].GetProperty("Val").GetInt64());
        Assert.True(body.TryGetProperty("rr", out _));
        Assert.Equal("SIDSECRET01", body.GetProperty("BaseRequest").GetProperty("Sid").GetString());

        Assert.Equal("1_101", session.SyncKey.ToString());
        Assert.Null(session.SyncCheckKey);
        Assert.Equal("@crypt_next", session.Skey);
        var message = Assert.Single(result.AddMsgList);
        Assert.Equal("7001", message.MsgId);
        Assert.Equal(1, message.MsgType);
        Assert.Equal(1700000000, message.CreateTime);
        Assert.Null(message.RecommendInfo);
        Assert.Equal("G2", Assert.Single(result.ModContactList).NickName);
        Assert.Equal(["@gone"], result.DelContactList);
    }

    [Fact]
    public async Task Sync_keeps_keys_when_the_answer_has_empty_ones()
    {
        var handler = new RecordingHandler().EnqueueJson("{" + TestDrivers.OkBase
            + ",\"AddMsgList\":[],\"SyncKey\":{\"Count\":0,\"List\":[]},\"SyncCheckKey\":{\"Count\":1,\"List\":[{\"Key\":1,\"Val\":9}]},\"ContinueFlag\":1}");
        var session = TestDrivers.Session();
        var result = await TestDrivers.Create(handler).SyncAsync(session);

        Assert.Equal("1_100|2_200", session.SyncKey.ToString());
        Assert.Equal("1_9", session.SyncCheckKey?.ToString());
        Assert.Equal("@crypt_SKEYSECRET", session.Skey);
        Assert.Equal(1, result.ContinueFlag);
    }

    [Fact]
    public async Task SendText_posts_a_type_1_Msg_with_plain_slashes_and_returns_the_mojo_id()
    {
        var handler = new RecordingHandler().EnqueueJson("{" + TestDrivers.OkBase + ",\"MsgID\":\"5550001\",\"LocalID\":\"17000000000001234\"}");
        var result = await TestDrivers.Create(handler).SendTextAsync(
            TestDrivers.Session(), "@friend", "see https://example.com/a/b 你好 <b>", "17000000000001234");

        Assert.Equal("5550001:@friend", result.MojoId);
        Assert.Equal("17000000000001234", result.LocalId);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("/cgi-bin/mmwebwx-bin/webwxsendmsg", request.Uri.AbsolutePath);
        Assert.Equal("PT/SECRET+1=", request.Query("pass_ticket"));
        Assert.Contains("https://example.com/a/b 你好 <b>", request.Body);
        Assert.DoesNotContain("\\/", request.Body);
        var msg = request.Json.GetProperty("Msg");
        Assert.Equal(1, msg.GetProperty("Type").GetInt32());
        Assert.Equal("17000000000001234", msg.GetProperty("ClientMsgId").GetString());
        Assert.Equal("17000000000001234", msg.GetProperty("LocalID").GetString());
        Assert.Equal("@self0000", msg.GetProperty("FromUserName").GetString());
        Assert.Equal("@friend", msg.GetProperty("ToUserName").GetString());
    }

    [Theory]
    [InlineData("2100000001", true)]
    [InlineData("u2100000001", false)]
    public async Task SendText_body_is_BaseRequest_then_Msg_in_the_web_clients_order(string uin, bool numeric)
    {
        var handler = new RecordingHandler().EnqueueJson("{" + TestDrivers.OkBase + ",\"MsgID\":\"5550001\"}");
        var session = TestDrivers.Session();
        session.Uin = uin;
        var result = await TestDrivers.Create(handler).SendTextAsync(session, "@friend", "say \"hi\"\n\\ <b>", "17000000000001234");

        Assert.Equal("17000000000001234", result.LocalId); // the answer has none: the LocalID sent
        var json = Assert.Single(handler.Requests).Json;
        Assert.Equal(["BaseRequest", "Msg"], json.EnumerateObject().Select(p => p.Name));
        var baseRequest = json.GetProperty("BaseRequest");
        Assert.Equal(["Uin", "Sid", "Skey", "DeviceID"], baseRequest.EnumerateObject().Select(p => p.Name));
        var sentUin = baseRequest.GetProperty("Uin");
        Assert.Equal(numeric ? JsonValueKind.Number : JsonValueKind.String, sentUin.ValueKind);
        Assert.Equal(uin, numeric ? sentUin.GetInt64().ToString(CultureInfo.InvariantCulture) : sentUin.GetString());
        Assert.Equal("SIDSECRET01", baseRequest.GetProperty("Sid").GetString());
        Assert.Equal("@crypt_SKEYSECRET", baseRequest.GetProperty("Skey").GetString());
        Assert.Matches("^e[0-9]{15}$", baseRequest.GetProperty("DeviceID").GetString());
        var msg = json.GetProperty("Msg");
        Assert.Equal(["ClientMsgId", "Content", "FromUserName", "LocalID", "ToUserName", "Type"], msg.EnumerateObject().Select(p => p.Name));
        Assert.Equal("say \"hi\"\n\\ <b>", msg.GetProperty("Content").GetString());
    }

    [Fact]
    public async Task Logout_posts_type_0_then_1_with_form_and_clears_cookies()
    {
        var handler = new RecordingHandler().EnqueueText("").EnqueueText("");
        var session = TestDrivers.Session();
        session.Cookies["wxsid"] = new WxCookie("wxsid", "SIDSECRET01", "wx2.qq.com");
        await TestDrivers.Create(handler).LogoutAsync(session);

        Assert.Equal(["0", "1"], handler.Requests.Select(r => r.Query("type")));
        Assert.All(handler.Requests, r =>
        {
            Assert.Equal(HttpMethod.Post, r.Method);
            Assert.Equal("https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxlogout", r.Uri.GetLeftPart(UriPartial.Path));
            Assert.Equal("1", r.Query("redirect"));
            Assert.Equal("@crypt_SKEYSECRET", r.Query("skey"));
            Assert.Equal("SIDSECRET01", r.Form["sid"]);
            Assert.Equal("2100000001", r.Form["uin"]);
            Assert.Equal("wxsid=SIDSECRET01", r.Header("Cookie"));
        });
        Assert.Empty(session.Cookies);
    }

    [Fact]
    public void ClientMsgIds_are_17_digits_and_distinct()
    {
        var ids = Enumerable.Range(0, 20).Select(_ => WxIds.NewClientMsgId()).ToList();
        Assert.All(ids, id => Assert.Matches("^[0-9]{17}$", id));
        Assert.True(ids.Distinct().Count() > 1);
    }
}
