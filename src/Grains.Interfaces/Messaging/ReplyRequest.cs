namespace OpenWxCluster.Contracts;

/// <summary>
/// Text and/or a media URL sent back into a conversation on behalf of an event (a webhook's <c>reply</c> and
/// <c>media</c>; the media is fetched under the webhooks' destination policy). <see cref="Key"/> makes it
/// idempotent: the same key always sends with the same upstream ClientMsgId, so a retry after a failure is not
/// delivered twice. Openqq's <c>shutup</c> then mutes <see cref="SenderId"/> in the group for <see cref="Shutup"/>; a
/// reply to a QQ temporary session goes back through the group it came from (<see cref="ViaGroupId"/>); with
/// <see cref="ToDiscuss"/> <see cref="TargetId"/> is a QQ discuss group.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.ReplyRequest")]
public sealed record ReplyRequest(
    [property: Id(0)] string Key,
    [property: Id(1)] string TargetId,
    [property: Id(2)] bool ToGroup,
    [property: Id(3)] string Content,
    [property: Id(4)] string? MediaUrl = null,
    [property: Id(5)] TimeSpan? Shutup = null,
    [property: Id(6)] string? SenderId = null,
    [property: Id(7)] string? ViaGroupId = null,
    [property: Id(8)] bool ToDiscuss = false);
