namespace OpenWxCluster.Grains.Webhooks;

/// <summary>
/// The post_api attempt log (get_post_log), saved apart from the backlog: a delivery's write then carries its
/// backlog change only, not the last 50 attempts.
/// </summary>
[GenerateSerializer, Alias("openwx.WebhookLogState")]
public sealed class WebhookLogState
{
    /// <summary>Recent attempts, newest first (bounded by WebhookOptions.LogSize).</summary>
    [Id(0)] public List<WebhookAttempt> Attempts { get; set; } = [];
}
