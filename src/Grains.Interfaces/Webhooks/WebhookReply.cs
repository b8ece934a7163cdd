namespace OpenWxCluster.Contracts;

/// <summary>What a webhook answered to a message post: text to send back, and a media URL (Openwx's <c>media</c>).</summary>
[GenerateSerializer, Immutable, Alias("openwx.WebhookReply")]
public sealed record WebhookReply([property: Id(0)] string? Text, [property: Id(1)] string? MediaUrl);
