using System.Text.Json.Nodes;

namespace OpenWxCluster.Protocol.Web;

/// <summary>The receive loop (synccheck, webwxsync), text sending and logout.</summary>
public sealed partial class WebWxDriver
{
    public async Task<SyncCheckResult> SyncCheckAsync(WxSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);

        // Using SyncKey after a sync returned SyncCheckKey made Mojo report messages twice (fixed in its v1.3.4).
        var key = session.SyncCheckKey is { Count: > 0 } checkKey ? checkKey : session.SyncKey;
        var query = WxRequests.Query(
            ("r", WxStamp.NowMs()),
            ("skey", session.Skey),
            ("sid", session.Sid),
            ("uin", session.Uin),
            ("deviceid", WxStamp.NewDeviceId()),
            ("synckey", key.ToString()),
            ("_", WxStamp.NowMs()));
        var url = WxHosts.Url(WxHosts.WebPush(session.Domain), WxHosts.Cgi("synccheck"), query);
        var call = new WxHttpCall("synccheck", HttpMethod.Get, url, session.Domain) { Timeout = WxTimeoutKind.LongPoll };
        var reply = await _transport.SendAsync(call, session, cancellationToken).ConfigureAwait(false);
        return WxTextReplies.ParseSyncCheck(reply.Text);
    }

    public async Task<WxSyncResult> SyncAsync(WxSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        // rr is an anti-cache stamp; like r, the browser sends ~now here (Mojo sends plain now).
        var body = WxRequests.Body(session, ("SyncKey", WxSyncReader.WriteKey(session.SyncKey)), ("rr", WxStamp.NegatedNow()));
        var query = WxRequests.Query(("sid", session.Sid), ("skey", session.Skey), ("pass_ticket", session.PassTicket));
        using var doc = await SendJsonAsync(MainPost(session, "webwxsync", query, body), session, cancellationToken)
            .ConfigureAwait(false);
        var root = doc.RootElement;

        // An empty key in an answer means "unchanged", never "reset".
        if (WxSyncReader.ReadKey(root, "SyncKey") is { Count: > 0 } syncKey)
        {
            session.SyncKey = syncKey;
        }

        if (WxSyncReader.ReadKey(root, "SyncCheckKey") is { Count: > 0 } syncCheckKey)
        {
            session.SyncCheckKey = syncCheckKey;
        }

        if (WxJson.Str(root, "SKey") is { Length: > 0 } skey)
        {
            session.Skey = skey;
        }

        var messages = WxJson.Array(root, "AddMsgList").Select(WxSyncReader.ReadMessage).Where(m => m.MsgId.Length > 0).ToList();
        var deleted = WxJson.Array(root, "DelContactList").Select(e => WxJson.Str(e, "UserName")).Where(u => u.Length > 0).ToList();
        return new WxSyncResult(
            messages,
            WxContactReader.ReadList(root, "ModContactList"),
            deleted,
            WxJson.Int(root, "ContinueFlag"));
    }

    public async Task<WxSendResult> SendTextAsync(
        WxSession session, string toUserName, string content, string clientMsgId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(toUserName);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(clientMsgId);
        // The hottest request: written straight into the pooled body, no JSON tree (as SendMsgAsync's other callers build).
        var body = WxJsonContent.Write((Session: session, To: toUserName, Content: content, Id: clientMsgId), static (json, s) =>
        {
            json.WriteStartObject();
            json.WritePropertyName("BaseRequest");
            WxRequests.WriteBaseRequest(json, s.Session);
            json.WriteStartObject("Msg");
            json.WriteString("ClientMsgId", s.Id);
            json.WriteString("Content", s.Content);
            json.WriteString("FromUserName", s.Session.UserName);
            json.WriteString("LocalID", s.Id);
            json.WriteString("ToUserName", s.To);
            json.WriteNumber("Type", 1);
            json.WriteEndObject();
            json.WriteEndObject();
        });
        return await SendMsgAsync(session, "webwxsendmsg", WxRequests.Query(("pass_ticket", session.PassTicket)), body, clientMsgId, toUserName, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task LogoutAsync(WxSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        WxProtocolException? firstError = null;
        try
        {
            foreach (var type in new[] { 0, 1 })
            {
                try
                {
                    await LogoutOnceAsync(session, type, cancellationToken).ConfigureAwait(false);
                }
                catch (WxProtocolException ex)
                {
                    // Still send the other type and clear the jar: a half-done logout must not leave usable cookies behind.
                    firstError ??= ex;
                }
            }
        }
        finally
        {
            session.Cookies.Clear();
        }

        if (firstError is not null)
        {
            throw firstError;
        }
    }

    private async Task LogoutOnceAsync(WxSession session, int type, CancellationToken cancellationToken)
    {
        var query = WxRequests.Query(("redirect", 1), ("type", type), ("skey", session.Skey));
        var form = new FormUrlEncodedContent([
            new KeyValuePair<string, string>("sid", session.Sid),
            new KeyValuePair<string, string>("uin", session.Uin),
        ]);
        var call = new WxHttpCall("webwxlogout", HttpMethod.Post, WxHosts.Url(session.Domain, WxHosts.Cgi("webwxlogout"), query), session.Domain)
        {
            Content = form,
            AcceptRedirect = true,
        };
        await _transport.SendAsync(call, session, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every webwxsend* CGI answers <c>{BaseResponse, MsgID, LocalID}</c>.</summary>
    private async Task<WxSendResult> SendMsgAsync(
        WxSession session, string cgi, string query, JsonObject msg, string toUserName, CancellationToken cancellationToken,
        params (string Name, JsonNode? Value)[] extra)
    {
        var fields = new List<(string, JsonNode?)> { ("Msg", msg) };
        fields.AddRange(extra);
        var body = WxRequests.Json(WxRequests.Body(session, [.. fields]));
        return await SendMsgAsync(session, cgi, query, body, msg["LocalID"]?.GetValue<string>() ?? "", toUserName, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <param name="localId">The LocalID sent, reported when the answer has none.</param>
    private async Task<WxSendResult> SendMsgAsync(
        WxSession session, string cgi, string query, HttpContent body, string localId, string toUserName, CancellationToken cancellationToken)
    {
        using var doc = await SendJsonAsync(MainPost(session, cgi, query, body), session, cancellationToken).ConfigureAwait(false);
        var msgId = WxJson.Str(doc.RootElement, "MsgID");
        if (msgId.Length == 0)
        {
            throw new WxTransportException(cgi, "answer has no MsgID");
        }

        var answered = WxJson.Str(doc.RootElement, "LocalID");
        return new WxSendResult(msgId, answered.Length > 0 ? answered : localId, toUserName);
    }
}
