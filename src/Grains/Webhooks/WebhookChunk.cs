namespace OpenWxCluster.Grains.Webhooks;

/// <summary>A sealed part of a webhook backlog, saved once as its own record (<c>webhook-chunk-N</c>) and cleared when delivered.</summary>
[GenerateSerializer, Alias("openwx.WebhookChunk")]
public sealed class WebhookChunk
{
    [Id(0)] public List<AccountEvent> Events { get; set; } = [];
}
