namespace OpenWxCluster.Contracts;

/// <summary>
/// What a webhook answered to a message post: text to send back, a media URL (Openwx's <c>media</c>), and for a QQ
/// group message Openqq's <c>shutup</c>: mute the sender for <see cref="Shutup"/> after the reply.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.WebhookReply")]
public sealed record WebhookReply(
    [property: Id(0)] string? Text,
    [property: Id(1)] string? MediaUrl,
    [property: Id(2)] TimeSpan? Shutup = null);
