namespace OpenWxCluster.Protocol;

/// <summary>
/// Media, revoke and avatars: the operations beyond the core login/sync/text loop (same session and error rules as
/// <see cref="IWxProtocolDriver"/>). Send methods return <see cref="WxSendResult"/>; retries reuse the clientMsgId.
/// </summary>
public interface IWxMediaDriver
{
    /// <summary>webwxuploadmedia on file.{d}: 512 KB chunks, at most 20 MB (else <see cref="WxMediaTooLargeException"/>).</summary>
    Task<WxUploadResult> UploadMediaAsync(WxSession session, string toUserName, WxUpload upload, CancellationToken cancellationToken = default);

    /// <summary>webwxsendmsgimg (Type 3).</summary>
    Task<WxSendResult> SendImageAsync(WxSession session, string toUserName, string mediaId, string clientMsgId, CancellationToken cancellationToken = default);

    /// <summary>webwxsendvideomsg (Type 43).</summary>
    Task<WxSendResult> SendVideoAsync(WxSession session, string toUserName, string mediaId, string clientMsgId, CancellationToken cancellationToken = default);

    /// <summary>webwxsendemoticon (Type 47, EmojiFlag 2).</summary>
    Task<WxSendResult> SendEmoticonAsync(WxSession session, string toUserName, string mediaId, string clientMsgId, CancellationToken cancellationToken = default);

    /// <summary>webwxsendappmsg (Type 6) with the file appmsg XML.</summary>
    Task<WxSendResult> SendFileAsync(
        WxSession session, string toUserName, string mediaId, string fileName, long size, string clientMsgId, CancellationToken cancellationToken = default);

    /// <summary>webwxgetmsgimg for images; <paramref name="big"/> asks for the full emoticon.</summary>
    Task<WxMediaContent> GetMessageImageAsync(WxSession session, string msgId, bool big = false, CancellationToken cancellationToken = default);

    /// <summary>webwxgetvoice.</summary>
    Task<WxMediaContent> GetVoiceAsync(WxSession session, string msgId, CancellationToken cancellationToken = default);

    /// <summary>webwxgetvideo (needs <c>Range: bytes=0-</c>).</summary>
    Task<WxMediaContent> GetVideoAsync(WxSession session, string msgId, CancellationToken cancellationToken = default);

    /// <summary>webwxgetmedia on file.{d} for received files.</summary>
    Task<WxMediaContent> GetFileAsync(WxSession session, string senderUserName, string mediaId, string fileName, CancellationToken cancellationToken = default);

    /// <summary>An avatar from a contact's relative HeadImgUrl.</summary>
    Task<WxMediaContent> GetAvatarAsync(WxSession session, string headImgUrl, CancellationToken cancellationToken = default);

    /// <summary>
    /// The current avatar of a user, friend or group by its UserName (webwxgeticon / webwxgetheadimg); a group member
    /// needs its group's EncryChatRoomId.
    /// </summary>
    Task<WxMediaContent> GetContactAvatarAsync(WxSession session, string userName, string encryChatRoomId = "", CancellationToken cancellationToken = default);

    /// <summary>webwxrevokemsg for a message sent through the API (its MsgID and ToUserName).</summary>
    Task RevokeAsync(WxSession session, string toUserName, string svrMsgId, string clientMsgId, CancellationToken cancellationToken = default);
}
