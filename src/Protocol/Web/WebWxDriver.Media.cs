using System.Security;
using System.Text.Json.Nodes;

namespace OpenWxCluster.Protocol.Web;

/// <summary>Upload and the media send CGIs.</summary>
public sealed partial class WebWxDriver : IWxMediaDriver
{
    /// <summary>The appid web WeChat puts into file appmsgs.</summary>
    private const string FileAppId = "wxeb7ec651dd0aefa9";

    public async Task<WxUploadResult> UploadMediaAsync(
        WxSession session, string toUserName, WxUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(toUserName);
        ArgumentNullException.ThrowIfNull(upload);
        if (upload.Data.Length > WxUploadForm.MaxBytes)
        {
            throw new WxMediaTooLargeException(upload.Data.Length, WxUploadForm.MaxBytes);
        }

        if (upload.Data.Length == 0)
        {
            throw new ArgumentException("Nothing to upload.", nameof(upload));
        }

        var clientMediaId = WxIds.NewClientMsgId();
        var md5 = WxUploadForm.Md5Hex(upload.Data.Span);
        var chunks = WxUploadForm.ChunkCount(upload.Data.Length);
        var url = WxHosts.Url(WxHosts.File(session.Domain), WxHosts.Cgi("webwxuploadmedia"), "f=json");
        var mediaId = "";
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            var call = new WxHttpCall("webwxuploadmedia", HttpMethod.Post, url, session.Domain)
            {
                Content = WxUploadForm.Build(session, toUserName, upload, clientMediaId, md5, chunk, chunks),
                Timeout = WxTimeoutKind.Media,
            };
            using var doc = await SendJsonAsync(call, session, cancellationToken).ConfigureAwait(false);
            mediaId = WxJson.Str(doc.RootElement, "MediaId");
        }

        // Only the last chunk's answer carries the final MediaId.
        if (mediaId.Length == 0)
        {
            throw new WxTransportException("webwxuploadmedia", "answer has no MediaId");
        }

        return new WxUploadResult(mediaId, upload.Kind, upload.Data.Length);
    }

    public Task<WxSendResult> SendImageAsync(
        WxSession session, string toUserName, string mediaId, string clientMsgId, CancellationToken cancellationToken = default) =>
        SendMediaMsgAsync(session, "webwxsendmsgimg", "async", toUserName, mediaId, clientMsgId, 3, null, cancellationToken);

    public Task<WxSendResult> SendVideoAsync(
        WxSession session, string toUserName, string mediaId, string clientMsgId, CancellationToken cancellationToken = default) =>
        SendMediaMsgAsync(session, "webwxsendvideomsg", "async", toUserName, mediaId, clientMsgId, 43, null, cancellationToken);

    public Task<WxSendResult> SendEmoticonAsync(
        WxSession session, string toUserName, string mediaId, string clientMsgId, CancellationToken cancellationToken = default) =>
        SendMediaMsgAsync(session, "webwxsendemoticon", "sys", toUserName, mediaId, clientMsgId, 47, 2, cancellationToken);

    public async Task<WxSendResult> SendFileAsync(
        WxSession session, string toUserName, string mediaId, string fileName, long size, string clientMsgId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(toUserName);
        ArgumentException.ThrowIfNullOrEmpty(mediaId);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentException.ThrowIfNullOrEmpty(clientMsgId);
        var ext = Path.GetExtension(fileName).TrimStart('.');
        var content = $"<appmsg appid='{FileAppId}' sdkver=''><title>{SecurityElement.Escape(fileName)}</title><des></des>"
            + "<action></action><type>6</type><content></content><url></url><lowurl></lowurl>"
            + $"<appattach><totallen>{size}</totallen><attachid>{SecurityElement.Escape(mediaId)}</attachid>"
            + $"<fileext>{SecurityElement.Escape(ext)}</fileext></appattach><extinfo></extinfo></appmsg>";
        var msg = MediaMsg(session, toUserName, clientMsgId, 6);
        msg["Content"] = content;
        var query = WxRequests.Query(("fun", "async"), ("f", "json"), ("pass_ticket", session.PassTicket));
        return await SendMsgAsync(session, "webwxsendappmsg", query, msg, toUserName, cancellationToken, ("Scene", 0))
            .ConfigureAwait(false);
    }

    private async Task<WxSendResult> SendMediaMsgAsync(
        WxSession session, string cgi, string fun, string toUserName, string mediaId, string clientMsgId, int type, int? emojiFlag,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(toUserName);
        ArgumentException.ThrowIfNullOrEmpty(mediaId);
        ArgumentException.ThrowIfNullOrEmpty(clientMsgId);
        var msg = MediaMsg(session, toUserName, clientMsgId, type);
        msg["MediaId"] = mediaId;
        if (emojiFlag is { } flag)
        {
            msg["EmojiFlag"] = flag;
        }

        var query = WxRequests.Query(("fun", fun), ("f", "json"), ("pass_ticket", session.PassTicket));
        return await SendMsgAsync(session, cgi, query, msg, toUserName, cancellationToken, ("Scene", 0)).ConfigureAwait(false);
    }

    private static JsonObject MediaMsg(WxSession session, string toUserName, string clientMsgId, int type) => new()
    {
        ["ClientMsgId"] = clientMsgId,
        ["FromUserName"] = session.UserName,
        ["LocalID"] = clientMsgId,
        ["ToUserName"] = toUserName,
        ["Type"] = type,
    };
}
