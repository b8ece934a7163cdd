namespace OpenWxCluster.Contracts;

/// <summary>
/// Where and what an account posts (Mojo's <c>post_api</c>, <c>post_event</c>, <c>post_event_list</c>,
/// <c>post_media_data</c>) plus an optional signing secret (Standard Webhooks).
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.WebhookSettings")]
public sealed record WebhookSettings
{
    /// <summary>Absolute http(s) URL; <c>client=&lt;name&gt;</c> is merged into its query when posting.</summary>
    [Id(0)] public required string Url { get; init; }

    /// <summary>Signs each body when set: <c>whsec_&lt;base64&gt;</c>, or any other text used as the key's UTF-8 bytes.</summary>
    [Id(1)] public string? Secret { get; init; }

    /// <summary>Mojo's post_event: false posts messages only.</summary>
    [Id(2)] public bool PostEvent { get; init; } = true;

    /// <summary>Event names posted; null means Mojo's default list (plus this product's liveness events).</summary>
    [Id(3)] public IReadOnlyList<string>? PostEventList { get; init; }

    /// <summary>Mojo's post_media_data: false removes <c>media_data</c> from message posts.</summary>
    [Id(4)] public bool PostMediaData { get; init; } = true;
}
