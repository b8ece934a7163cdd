namespace OpenWxCluster.Protocol.Web;

/// <summary>Media downloads and avatars. These answer raw bytes, not JSON.</summary>
public sealed partial class WebWxDriver
{
    public Task<WxMediaContent> GetMessageImageAsync(WxSession session, string msgId, bool big = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(msgId);
        var query = big
            ? WxRequests.Query(("MsgID", msgId), ("skey", session.Skey), ("type", "big"))
            : WxRequests.Query(("MsgID", msgId), ("skey", session.Skey));
        return DownloadAsync(session, "webwxgetmsgimg", WxHosts.Url(session.Domain, WxHosts.Cgi("webwxgetmsgimg"), query), null, cancellationToken);
    }

    public Task<WxMediaContent> GetVoiceAsync(WxSession session, string msgId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(msgId);
        var query = WxRequests.Query(("msgid", msgId), ("skey", session.Skey));
        return DownloadAsync(session, "webwxgetvoice", WxHosts.Url(session.Domain, WxHosts.Cgi("webwxgetvoice"), query), null, cancellationToken);
    }

    public Task<WxMediaContent> GetVideoAsync(WxSession session, string msgId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(msgId);
        var query = WxRequests.Query(("msgid", msgId), ("skey", session.Skey));

        // Without a Range header the video CGI answers an empty body.
        var headers = new Dictionary<string, string> { ["Range"] = "bytes=0-" };
        return DownloadAsync(session, "webwxgetvideo", WxHosts.Url(session.Domain, WxHosts.Cgi("webwxgetvideo"), query), headers, cancellationToken);
    }

    public Task<WxMediaContent> GetFileAsync(
        WxSession session, string senderUserName, string mediaId, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(mediaId);
        var ticket = session.Cookies.TryGetValue("webwx_data_ticket", out var cookie) ? cookie.Value : "";
        var query = WxRequests.Query(
            ("sender", senderUserName),
            ("mediaid", mediaId),
            ("filename", fileName),
            ("fromuser", session.Uin),
            ("pass_ticket", session.PassTicket.Length > 0 ? session.PassTicket : "undefined"),
            ("webwx_data_ticket", ticket));
        var url = WxHosts.Url(WxHosts.File(session.Domain), WxHosts.Cgi("webwxgetmedia"), query);
        return DownloadAsync(session, "webwxgetmedia", url, null, cancellationToken);
    }

    public Task<WxMediaContent> GetContactAvatarAsync(
        WxSession session, string userName, string encryChatRoomId = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(userName);
        // Groups use webwxgetheadimg; people (the user, friends, members with their group's EncryChatRoomId)
        // webwxgeticon. seq=0 asks for the current image, the current skey keeps working after a rotation.
        var cgi = userName.StartsWith("@@", StringComparison.Ordinal) ? "webwxgetheadimg" : "webwxgeticon";
        var query = encryChatRoomId.Length > 0
            ? WxRequests.Query(("seq", 0), ("username", userName), ("chatroomid", encryChatRoomId), ("skey", session.Skey))
            : WxRequests.Query(("seq", 0), ("username", userName), ("skey", session.Skey));
        return DownloadAsync(session, cgi, WxHosts.Url(session.Domain, WxHosts.Cgi(cgi), query), null, cancellationToken);
    }

    public Task<WxMediaContent> GetAvatarAsync(WxSession session, string headImgUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(headImgUrl);

        // HeadImgUrl is a server-relative path; refusing anything else keeps the account's cookies on its own host.
        if (!headImgUrl.StartsWith('/') || headImgUrl.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException("HeadImgUrl must be a server-relative path.", nameof(headImgUrl));
        }

        return DownloadAsync(session, "avatar", new Uri($"https://{session.Domain}{headImgUrl}"), null, cancellationToken);
    }

    private async Task<WxMediaContent> DownloadAsync(
        WxSession session, string operation, Uri url, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        var call = new WxHttpCall(operation, HttpMethod.Get, url, session.Domain) { Timeout = WxTimeoutKind.Media, Headers = headers };
        var reply = await _transport.SendAsync(call, session, cancellationToken).ConfigureAwait(false);
        return new WxMediaContent(reply.Body, reply.MediaType);
    }
}
