namespace OpenWxCluster.Grains.Webhooks;

/// <summary>What one POST got: the HTTP status, and for a 2xx answer its content type and (bounded) body.</summary>
public sealed record WebhookOutcome(int StatusCode, string? ContentType, string? Body)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>Worth another attempt: 5xx, 408 and 429 (other 4xx mean the receiver refuses this event).</summary>
    public bool IsTransient => StatusCode >= 500 || StatusCode is 408 or 429;
}
