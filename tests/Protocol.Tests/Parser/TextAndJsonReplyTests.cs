using System.Text;
using System.Text.Json;
using OpenWxCluster.Protocol.Web;

namespace OpenWxCluster.Protocol.Tests.Parser;

public sealed class TextAndJsonReplyTests
{
    [Fact]
    public void Jslogin_gives_the_uuid()
    {
        Assert.Equal("gYmgd1grLg==", WxTextReplies.ParseUuid("window.QRLogin.code = 200; window.QRLogin.uuid = \"gYmgd1grLg==\";"));
    }

    [Fact]
    public void Jslogin_without_a_code_is_a_transport_failure()
    {
        var error = Assert.Throws<WxTransportException>(() => WxTextReplies.ParseUuid("<html>busy</html>"));

        Assert.Equal("jslogin: unexpected answer", error.Message);
    }

    [Theory]
    [InlineData("window.QRLogin.code = 400; window.QRLogin.uuid = \"gYmgd1grLg==\";", 400)]
    [InlineData("window.QRLogin.code = 200;", 200)]
    public void Jslogin_with_another_code_or_no_uuid_is_refused(string body, int ret)
    {
        var error = Assert.Throws<WxRetException>(() => WxTextReplies.ParseUuid(body));

        Assert.Equal(("jslogin", ret, "no uuid"), (error.Operation, error.Ret, error.ErrMsg));
    }

    [Fact]
    public void The_login_poll_gives_the_code_and_the_redirect()
    {
        Assert.Equal(new LoginPollResult(408, null), WxTextReplies.ParseLoginPoll("window.code=408;"));
        Assert.Equal(
            new LoginPollResult(200, "https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=T"),
            WxTextReplies.ParseLoginPoll("window.code=200;\nwindow.redirect_uri=\"https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=T\";"));
    }

    [Fact]
    public void A_login_poll_without_a_code_is_a_transport_failure()
    {
        var error = Assert.Throws<WxTransportException>(() => WxTextReplies.ParseLoginPoll("window.redirect_uri=\"x\";"));

        Assert.Equal("login: unexpected answer", error.Message);
    }

    [Fact]
    public void Synccheck_gives_retcode_and_selector()
    {
        Assert.Equal(new SyncCheckResult(1101, 0), WxTextReplies.ParseSyncCheck("window.synccheck={retcode:\"1101\",selector:\"0\"}"));
    }

    [Theory]
    [InlineData("window.synccheck={retcode:\"0\"}")]
    [InlineData("window.synccheck={selector:\"2\"}")]
    [InlineData("")]
    public void Synccheck_without_retcode_or_selector_is_a_transport_failure(string body)
    {
        var error = Assert.Throws<WxTransportException>(() => WxTextReplies.ParseSyncCheck(body));

        Assert.Equal("synccheck: unexpected answer", error.Message);
    }

    [Fact]
    public void Newloginpage_gives_the_session_secrets()
    {
        var session = WxTextReplies.ParseNewLoginPage(
            "<error><ret>0</ret><message></message><skey>@crypt_k</skey><wxsid>SID</wxsid><wxuin>2100000001</wxuin>"
            + "<pass_ticket>PT%2B</pass_ticket><isgrayscale>1</isgrayscale></error>",
            "wx2.qq.com");

        Assert.Equal(
            ("wx2.qq.com", "@crypt_k", "SID", "2100000001", "PT%2B"),
            (session.Domain, session.Skey, session.Sid, session.Uin, session.PassTicket));
    }

    [Fact]
    public void Newloginpage_secrets_that_are_missing_are_empty()
    {
        var session = WxTextReplies.ParseNewLoginPage("<error><ret>0</ret></error>", "wx.qq.com");

        Assert.Equal(("", "", "", ""), (session.Skey, session.Sid, session.Uin, session.PassTicket));
    }

    [Fact]
    public void Newloginpage_with_ret_other_than_zero_is_a_login_refusal_with_its_message()
    {
        var error = Assert.Throws<WxLoginRefusedException>(() => WxTextReplies.ParseNewLoginPage(
            "<error><ret>1203</ret><message>\n 当前登录环境异常 \n</message></error>", "wx.qq.com"));

        Assert.Equal((1203, "当前登录环境异常"), (error.Ret, error.ErrMsg));
    }

    [Fact]
    public void A_login_refusal_without_a_message_has_an_empty_one()
    {
        var error = Assert.Throws<WxLoginRefusedException>(() => WxTextReplies.ParseNewLoginPage("<error><ret>1203</ret></error>", "wx.qq.com"));

        Assert.Equal((1203, ""), (error.Ret, error.ErrMsg));
    }

    [Theory]
    [InlineData("<error><ret>0</ret>", "webwxnewloginpage: malformed XML body")]
    [InlineData("<error><message>x</message></error>", "webwxnewloginpage: answer has no ret")]
    [InlineData("<error><ret>zero</ret></error>", "webwxnewloginpage: answer has no ret")]
    public void A_broken_newloginpage_is_a_transport_failure(string body, string message)
    {
        var error = Assert.Throws<WxTransportException>(() => WxTextReplies.ParseNewLoginPage(body, "wx.qq.com"));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("", "webwxinit: empty body")]
    [InlineData("[1,2]", "webwxinit: body is not a JSON object")]
    [InlineData("\"text\"", "webwxinit: body is not a JSON object")]
    [InlineData("{\"BaseResponse\":{\"Ret\":0", "webwxinit: malformed or truncated JSON body")]
    public async Task A_json_body_that_is_not_an_object_is_a_transport_failure(string body, string message)
    {
        var error = await Assert.ThrowsAsync<WxTransportException>(() => ParseAsync("webwxinit", body));

        Assert.Equal(("webwxinit", message), (error.Operation, error.Message));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"BaseResponse\":null}")]
    [InlineData("{\"BaseResponse\":[0]}")]
    public async Task A_json_answer_without_base_response_is_a_transport_failure(string body)
    {
        using var doc = await ParseAsync("webwxsync", body);

        var error = Assert.Throws<WxTransportException>(() => WxJson.EnsureOk("webwxsync", doc.RootElement));

        Assert.Equal("webwxsync: answer has no BaseResponse", error.Message);
    }

    [Fact]
    public async Task A_json_answer_with_ret_other_than_zero_is_a_ret_failure()
    {
        using var doc = await ParseAsync("webwxsync", ("{\"BaseResponse\":{\"Ret\":\"1101\",\"ErrMsg\":\"logged out\"}}"));

        var error = Assert.Throws<WxRetException>(() => WxJson.EnsureOk("webwxsync", doc.RootElement));

        Assert.Equal(("webwxsync", 1101, "logged out"), (error.Operation, error.Ret, error.ErrMsg));
    }

    [Fact]
    public async Task Json_values_are_read_tolerantly()
    {
        using var doc = await ParseAsync("test", ("""
            {"s":"text","n":42,"big":"9007199254740993","b":true,"o":{},"nul":null,"bad":"12x","neg":"-3"}
            """));
        var root = doc.RootElement;

        Assert.Equal(("text", "42", "", "", "", ""), (WxJson.Str(root, "s"), WxJson.Str(root, "n"), WxJson.Str(root, "b"),
            WxJson.Str(root, "o"), WxJson.Str(root, "nul"), WxJson.Str(root, "missing")));
        Assert.Equal((42L, 9007199254740993L, 0L, 0L, -3L, 0L), (WxJson.Long(root, "n"), WxJson.Long(root, "big"),
            WxJson.Long(root, "bad"), WxJson.Long(root, "b"), WxJson.Long(root, "neg"), WxJson.Long(root, "missing")));
        Assert.Equal("", WxJson.Str(root.GetProperty("n"), "s"));
        Assert.Equal(0, WxJson.Long(root.GetProperty("s"), "n"));
    }

    /// <summary>A body as the transport hands it over: content with its length (as ByteArrayContent computes it).</summary>
    private static Task<JsonDocument> ParseAsync(string operation, string body) =>
        WxJson.ParseAsync(operation, new ByteArrayContent(Encoding.UTF8.GetBytes(body)), CancellationToken.None);
}
