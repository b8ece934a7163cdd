using static OpenWxCluster.WebFront.MojoParam;

namespace OpenWxCluster.WebFront;

/// <summary>Parameter groups several routes share (the lookups, the media sources, the send options).</summary>
public static class MojoParams
{
    public static readonly MojoParam[] FriendLookup =
    [
        Opt("id", "friend id"), Opt("account", "friend account (WeChat id)"), Opt("displayname", "friend display name"),
        Opt("markname", "friend remark name"),
    ];

    public static readonly MojoParam[] GroupLookup = [Opt("id", "group id"), Opt("displayname", "group display name")];

    /// <summary>One source of media; type, mime and name qualify it (a multipart file part works too).</summary>
    public static readonly MojoParam[] Media =
    [
        Opt("media_id", "an uploaded media (upload_media's media_id)"), Opt("media_data", "the file, base64"),
        Opt("media_path", "a file below App:Media:SendFolder"), Opt("media_url", "an http(s) URL to fetch"),
        Opt("media_type", "file, image, video, voice, emoticon"), Opt("media_mime", "the MIME type"), Opt("media_name", "the file name"),
    ];

    public static readonly MojoParam[] SendOptions =
    [
        Opt("content", "the text (with media: its caption)"), Opt("async", "1: answer at once, the send is queued and retried"),
        Opt(IdempotencyKey.Parameter, "idempotency key (or header Idempotency-Key): a repeated send returns the first receipt"),
    ];

    public static MojoParam ControllerClient { get; } = Req("client", "the account's client name");
}
