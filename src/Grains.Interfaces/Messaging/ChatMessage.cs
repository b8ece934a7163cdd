namespace OpenWxCluster.Contracts;

/// <summary>
/// A message in Mojo-Weixin's model plus the derived sender/receiver/group names Mojo adds when it reports one.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.ChatMessage")]
public sealed record ChatMessage
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public long Time { get; init; }
    [Id(2)] public string Content { get; init; } = "";
    /// <summary>
    /// friend_message, group_message or group_notice; for QQ also sess_message (a group temporary session) and
    /// discuss_message, whose discuss group is in the Group* fields.
    /// </summary>
    [Id(3)] public string Type { get; init; } = "friend_message";
    /// <summary>send or recv.</summary>
    [Id(4)] public string Class { get; init; } = "recv";
    /// <summary>text, media, app, card, revoke or payment.</summary>
    [Id(5)] public string Format { get; init; } = "text";
    /// <summary>local (through this API) or outer (the phone, another device).</summary>
    [Id(6)] public string Source { get; init; } = "";
    [Id(7)] public string? SenderId { get; init; }
    [Id(8)] public string? ReceiverId { get; init; }
    [Id(9)] public string? GroupId { get; init; }
    [Id(10)] public string? Sender { get; init; }
    [Id(11)] public string? SenderAccount { get; init; }
    [Id(12)] public string? SenderName { get; init; }
    [Id(13)] public string? SenderMarkname { get; init; }
    [Id(14)] public string? SenderCategory { get; init; }
    [Id(15)] public string? Receiver { get; init; }
    [Id(16)] public string? ReceiverAccount { get; init; }
    [Id(17)] public string? ReceiverName { get; init; }
    [Id(18)] public string? ReceiverMarkname { get; init; }
    [Id(19)] public string? Group { get; init; }
    [Id(20)] public string? GroupName { get; init; }
    /// <summary>Media, app, card and revoke fields (media_id, media_type, app_title, revoke_id...), by Mojo name.</summary>
    [Id(21)] public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();
    /// <summary>api (sent through this API) or none.</summary>
    [Id(22)] public string From { get; init; } = "none";
    /// <summary>QQ: the sender's, receiver's and group's numbers (Openqq's sender_uid, receiver_uid, group_uid).</summary>
    [Id(23)] public string? SenderUid { get; init; }
    [Id(24)] public string? ReceiverUid { get; init; }
    [Id(25)] public string? GroupUid { get; init; }
}
