namespace OpenWxCluster.Protocol;

/// <summary>
/// A message in Mojo-Weixin's model (field names follow its JSON: id, time, type, class, format, sender_id...).
/// Produced by <see cref="WxMessageParser"/> from a <see cref="WxRawMessage"/>.
/// </summary>
public sealed record WxMessage
{
    /// <summary>MsgId for received messages; <c>MsgID:ToUserName</c> for messages sent through the API.</summary>
    public required string Id { get; init; }
    public long Time { get; init; }
    public string Content { get; init; } = "";
    /// <summary>friend_message, group_message or group_notice.</summary>
    public string Type { get; init; } = "friend_message";
    /// <summary>send or recv (messages sent from the phone are send with source outer).</summary>
    public string Class { get; init; } = "recv";
    /// <summary>text, media, app, card, revoke or payment.</summary>
    public string Format { get; init; } = "text";
    /// <summary>local (sent through the API) or outer (sent elsewhere).</summary>
    public string Source { get; init; } = "";
    public string? SenderId { get; init; }
    public string? ReceiverId { get; init; }
    public string? GroupId { get; init; }
    public string? MediaId { get; init; }
    public string? MediaType { get; init; }
    public int? MediaCode { get; init; }
    public string? MediaName { get; init; }
    public string? MediaSize { get; init; }
    public string? AppTitle { get; init; }
    public string? AppUrl { get; init; }
    public string? AppDesc { get; init; }
    public string? AppName { get; init; }
    public string? AppId { get; init; }
    public string? CardId { get; init; }
    public string? CardName { get; init; }
    public string? CardAccount { get; init; }
    public string? CardProvince { get; init; }
    public string? CardCity { get; init; }
    /// <summary>"", "male" or "female".</summary>
    public string? CardSex { get; init; }
    public string? CardAvatar { get; init; }
    public string? RevokeId { get; init; }
}
