using System.Globalization;
using OpenWxCluster.Grains.Logging;
using OpenWxCluster.Grains.Media;
using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Account;

// Media sending (issue 8): upload_media, and media in send_friend_message / send_group_message.
public sealed partial class AccountGrain
{
    /// <summary>upload_media has no conversation; Mojo uploads it towards the file helper.</summary>
    private const string UploadTarget = "filehelper";

    /// <summary>Uploads remembered for sends by media_id (the oldest forgotten first).</summary>
    internal const int MaxUploadsKept = 100;

    public async Task<MediaUploadResult> UploadMediaAsync(MediaUpload upload)
    {
        if (RefuseMedia() is { } refusal)
        {
            return new MediaUploadResult(refusal.Code, refusal.Status, null);
        }
        return await UploadAsync(upload, UploadTarget);
    }

    public async Task<MediaSendReceipt> SendFriendMediaAsync(FriendLookup lookup, string? content, OutgoingMedia media, string? idempotencyKey = null)
    {
        if (RefuseMedia() is { } refusal)
        {
            return refusal;
        }
        var friend = await Friends.FindAsync(lookup);
        return friend is null
            ? new MediaSendReceipt(null, SendCodes.ObjectNotFound, "object not found", "")
            : await IdempotentAsync(
                idempotencyKey, clientMsgId => SendContentAndMediaAsync(friend.Id, content, media, friend, group: null, clientMsgId, idempotencyKey), KeptMedia);
    }

    public async Task<MediaSendReceipt> SendGroupMediaAsync(GroupLookup lookup, string? content, OutgoingMedia media, string? idempotencyKey = null)
    {
        if (RefuseMedia() is { } refusal)
        {
            return refusal;
        }
        var group = await Groups.FindAsync(lookup);
        return group is null
            ? new MediaSendReceipt(null, SendCodes.ObjectNotFound, "object not found", "")
            : await IdempotentAsync(
                idempotencyKey, clientMsgId => SendContentAndMediaAsync(group.Id, content, media, receiver: null, group, clientMsgId, idempotencyKey), KeptMedia);
    }

    private static MediaSendReceipt KeptMedia(KeptReceipt kept) =>
        new(kept.Receipt.Id, kept.Receipt.Code, kept.Receipt.Status, kept.MediaId ?? "");

    private MediaSendReceipt? RefuseMedia() =>
        _machine.State != ClientState.Running || _session is null
            ? new MediaSendReceipt(null, SendCodes.NotRunning, StatusTexts.NotRunning(_machine.State), "")
            : null;

    /// <summary>
    /// Mojo sends content and media as two messages, text first, and renders whichever answers first; here the
    /// media's receipt is the answer unless the text failed, so neither failure is hidden.
    /// </summary>
    private async Task<MediaSendReceipt> SendContentAndMediaAsync(
        string to, string? content, OutgoingMedia media, ContactInfo? receiver, GroupInfo? group, string clientMsgId, string? idempotencyKey)
    {
        // With an idempotency key the text's ClientMsgId derives from it too, so a repeated call sends neither twice.
        var textId = idempotencyKey is null ? null : WxIds.StableClientMsgId("idempotency-text:" + idempotencyKey);
        var text = string.IsNullOrEmpty(content) ? null : await SendTextAsync(to, content, receiver, group, textId);
        var sent = await SendMediaAsync(to, media, receiver, group, clientMsgId, idempotencyKey);
        return text is { Code: not SendCodes.Success }
            ? sent with { Id = text.Id, Code = text.Code, Status = text.Status }
            : sent;
    }

    private async Task<MediaSendReceipt> SendMediaAsync(
        string to, OutgoingMedia media, ContactInfo? receiver, GroupInfo? group, string clientMsgId, string? idempotencyKey, bool broadcast = false)
    {
        UploadedMedia item;
        if (media.Upload is { } upload)
        {
            var uploaded = await UploadAsync(upload, to);
            if (uploaded.Media is null)
            {
                return new MediaSendReceipt(null, uploaded.Code, uploaded.Status, "");
            }
            item = uploaded.Media;
        }
        else if ((Remembered(media.MediaId) ?? Unremembered(media.MediaId)) is { } byId)
        {
            item = byId;
        }
        else
        {
            return new MediaSendReceipt(null, SendCodes.Failure, "invalid media_id", "");
        }

        item = item with { Kind = media.Kind ?? item.Kind, Name = media.Name ?? item.Name };
        var serverId = ServerMediaId(item.MediaId);
        item = item with { MediaId = $"{serverId}:{(int)item.Kind}" };
        var receipt = await EnqueueSendAsync(
            to,
            clientMsgId,
            broadcast,
            (session, id) => item.Kind switch
            {
                MediaKind.Image => mediaDriver.SendImageAsync(session, to, serverId, id, CancellationToken.None),
                MediaKind.Video or MediaKind.MicroVideo => mediaDriver.SendVideoAsync(session, to, serverId, id, CancellationToken.None),
                MediaKind.Emoticon => mediaDriver.SendEmoticonAsync(session, to, serverId, id, CancellationToken.None),
                // Web WeChat cannot send voice; like any other file it goes as a file.
                _ => mediaDriver.SendFileAsync(session, to, serverId, item.Name, item.Size, id, CancellationToken.None),
            },
            (sent, done) =>
            {
                EmitSent(sent.MojoId, to, MediaMime.Placeholder(item.Kind), receiver, group, "media", Extras(item));
                if (idempotencyKey is not null)
                {
                    KeepReceipt(idempotencyKey, done, item.MediaId);
                }
            });
        return new MediaSendReceipt(receipt.Id, receipt.Code, receipt.Status, receipt.Code == SendCodes.Success ? item.MediaId : "");
    }

    private async Task<MediaUploadResult> UploadAsync(MediaUpload upload, string to)
    {
        var session = _session;
        if (session is null)
        {
            return new MediaUploadResult(SendCodes.NotRunning, "client is not running", null);
        }
        if (upload.Data.Length == 0)
        {
            return new MediaUploadResult(SendCodes.Failure, "media is empty", null);
        }
        var mime = MediaMime.Resolve(upload.Mime, upload.Name, upload.Data);
        var kind = upload.Kind ?? MediaMime.Detect(mime);
        try
        {
            var result = await mediaDriver.UploadMediaAsync(session, to, new WxUpload(upload.Data, upload.Name, mime), CancellationToken.None);
            var item = new UploadedMedia(
                $"{result.MediaId}:{(int)kind}", kind, upload.Name, upload.Data.Length, mime, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            Remember(item);
            // Saved before the id is handed out, so it still resolves after a silo move.
            await FlushEventsAsync();
            return new MediaUploadResult(SendCodes.Success, "success", item);
        }
        catch (WxMediaTooLargeException)
        {
            return new MediaUploadResult(SendCodes.Failure, MediaLimits.TooLarge, null);
        }
        catch (WxRetException e)
        {
            return new MediaUploadResult(e.Ret, string.IsNullOrEmpty(e.ErrMsg) ? "media upload failure" : e.ErrMsg, null);
        }
        catch (WxProtocolException e)
        {
            logger.StepFailed(Key, "upload_media", e.GetType().Name);
            return new MediaUploadResult(SendCodes.Failure, "media upload failure", null);
        }
    }

    private void Remember(UploadedMedia item)
    {
        var uploads = state.State.Uploads;
        uploads.RemoveAll(u => ServerMediaId(u.MediaId) == ServerMediaId(item.MediaId));
        uploads.Add(item);
        if (uploads.Count > MaxUploadsKept)
        {
            uploads.RemoveRange(0, uploads.Count - MaxUploadsKept);
        }
    }

    /// <summary>An upload of this account by its server id (whatever code follows the colon).</summary>
    private UploadedMedia? Remembered(string? mediaId) =>
        string.IsNullOrEmpty(mediaId)
            ? null
            : state.State.Uploads.LastOrDefault(u => ServerMediaId(u.MediaId) == ServerMediaId(mediaId));

    /// <summary>
    /// An id this account does not remember (older than the kept uploads): as in Mojo the code after the colon
    /// selects the kind (default file); a file then goes without its name and size, which the upstream may refuse.
    /// </summary>
    private static UploadedMedia? Unremembered(string? mediaId)
    {
        if (string.IsNullOrEmpty(mediaId) || ServerMediaId(mediaId).Length == 0)
        {
            return null;
        }
        var colon = mediaId.LastIndexOf(':');
        var kind = colon > 0 && int.TryParse(mediaId[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                   && Enum.IsDefined((MediaKind)code)
            ? (MediaKind)code
            : MediaKind.File;
        return new UploadedMedia(mediaId, kind, "file", 0, "application/octet-stream", 0);
    }

    /// <summary>The upstream MediaId: a media_id (sent or received) without its <c>:code</c> suffix.</summary>
    private static string ServerMediaId(string? mediaId)
    {
        if (mediaId is null)
        {
            return "";
        }
        var colon = mediaId.LastIndexOf(':');
        return colon > 0 && mediaId[(colon + 1)..].All(char.IsAsciiDigit) ? mediaId[..colon] : mediaId;
    }

    private static Dictionary<string, string> Extras(UploadedMedia item) => new()
    {
        ["media_id"] = item.MediaId,
        ["media_type"] = MediaMime.TypeName(item.Kind),
        ["media_code"] = ((int)item.Kind).ToString(CultureInfo.InvariantCulture),
        ["media_name"] = item.Name,
        ["media_size"] = item.Size.ToString(CultureInfo.InvariantCulture),
        ["media_mime"] = item.Mime,
        ["media_ext"] = item.Ext,
    };
}
