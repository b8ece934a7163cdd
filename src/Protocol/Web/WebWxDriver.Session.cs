using System.Text.Json.Nodes;

namespace OpenWxCluster.Protocol.Web;

/// <summary>Session set-up CGIs: init, status notify and the contact lists.</summary>
public sealed partial class WebWxDriver
{
    /// <summary>webwxbatchgetcontact accepts at most this many ids per request.</summary>
    public const int BatchLimit = 50;

    /// <summary>Guards against a server that never ends the Seq paging.</summary>
    private const int MaxContactPages = 200;

    public async Task<WxInitResult> InitAsync(WxSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var query = WxRequests.Query(("r", WxStamp.NegatedNow()), ("pass_ticket", session.PassTicket));
        var call = MainPost(session, "webwxinit", query, WxRequests.Body(session));
        using var doc = await SendJsonAsync(call, session, cancellationToken).ConfigureAwait(false);
        var root = doc.RootElement;
        if (!root.TryGetProperty("User", out var userElement))
        {
            throw new WxTransportException("webwxinit", "answer has no User");
        }

        var user = WxContactReader.Read(userElement);
        session.UserName = user.UserName;
        if (WxSyncReader.ReadKey(root, "SyncKey") is { Count: > 0 } syncKey)
        {
            session.SyncKey = syncKey;
        }

        // Mojo reads "Skey" here and so never refreshes it; the field really is "SKey".
        if (WxJson.Str(root, "SKey") is { Length: > 0 } skey)
        {
            session.Skey = skey;
        }

        var chatSet = WxJson.Str(root, "ChatSet")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new WxInitResult(user, WxContactReader.ReadList(root, "ContactList"), chatSet);
    }

    public async Task StatusNotifyAsync(WxSession session, int code, string toUserName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(toUserName);
        var body = WxRequests.Body(
            session,
            ("ClientMsgId", WxStamp.NowMs()),
            ("Code", code),
            ("FromUserName", session.UserName),
            ("ToUserName", toUserName));
        var call = MainPost(session, "webwxstatusnotify", WxRequests.Query(("pass_ticket", session.PassTicket)), body);
        using var doc = await SendJsonAsync(call, session, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<WxContact>> GetContactsAsync(WxSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var contacts = new List<WxContact>();
        long seq = 0;
        for (var page = 0; ; page++)
        {
            if (page >= MaxContactPages)
            {
                throw new WxTransportException("webwxgetcontact", "paging did not end");
            }

            var query = WxRequests.Query(
                ("r", WxStamp.NowMs()), ("seq", seq), ("skey", session.Skey), ("pass_ticket", session.PassTicket));
            var call = new WxHttpCall(
                "webwxgetcontact", HttpMethod.Get, WxHosts.Url(session.Domain, WxHosts.Cgi("webwxgetcontact"), query), session.Domain);
            using var doc = await SendJsonAsync(call, session, cancellationToken).ConfigureAwait(false);
            contacts.AddRange(WxContactReader.ReadList(doc.RootElement, "MemberList"));
            seq = WxJson.Long(doc.RootElement, "Seq");
            if (seq == 0)
            {
                return contacts;
            }
        }
    }

    public async Task<IReadOnlyList<WxContact>> BatchGetContactsAsync(
        WxSession session, IReadOnlyList<WxBatchItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(items);
        var contacts = new List<WxContact>();
        foreach (var chunk in items.Chunk(BatchLimit))
        {
            var list = new JsonArray();
            foreach (var item in chunk)
            {
                list.Add(BatchEntry(item));
            }

            var body = WxRequests.Body(session, ("Count", chunk.Length), ("List", list));
            var query = WxRequests.Query(("type", "ex"), ("r", WxStamp.NowMs()), ("pass_ticket", session.PassTicket));
            var call = MainPost(session, "webwxbatchgetcontact", query, body);
            using var doc = await SendJsonAsync(call, session, cancellationToken).ConfigureAwait(false);
            contacts.AddRange(WxContactReader.ReadList(doc.RootElement, "ContactList"));
        }

        return contacts;
    }

    /// <summary>Groups are asked for with ChatRoomId; users (and group members, with their group's id) with EncryChatRoomId.</summary>
    private static JsonObject BatchEntry(WxBatchItem item)
    {
        var isGroup = item.UserName.StartsWith("@@", StringComparison.Ordinal)
            || item.UserName.EndsWith("@chatroom", StringComparison.Ordinal);
        return isGroup && item.EncryChatRoomId.Length == 0
            ? new JsonObject { ["UserName"] = item.UserName, ["ChatRoomId"] = "" }
            : new JsonObject { ["UserName"] = item.UserName, ["EncryChatRoomId"] = item.EncryChatRoomId };
    }

    /// <summary>A JSON POST to a CGI on the main host {d}.</summary>
    private static WxHttpCall MainPost(WxSession session, string cgi, string query, JsonNode body) =>
        MainPost(session, cgi, query, WxRequests.Json(body));

    private static WxHttpCall MainPost(WxSession session, string cgi, string query, HttpContent body) =>
        new(cgi, HttpMethod.Post, WxHosts.Url(session.Domain, WxHosts.Cgi(cgi), query), session.Domain)
        {
            Content = body,
        };

    /// <summary>Sends, parses JSON and checks BaseResponse.Ret. The caller disposes the document.</summary>
    private async Task<System.Text.Json.JsonDocument> SendJsonAsync(WxHttpCall call, WxSession session, CancellationToken cancellationToken)
    {
        var doc = await _transport.SendForJsonAsync(call, session, cancellationToken).ConfigureAwait(false);
        try
        {
            WxJson.EnsureOk(call.Operation, doc.RootElement);
            return doc;
        }
        catch
        {
            doc.Dispose();
            throw;
        }
    }
}
