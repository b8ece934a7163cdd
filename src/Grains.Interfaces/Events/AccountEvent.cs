namespace OpenWxCluster.Contracts;

/// <summary>
/// One event of an account, as check_event and post_api report it. <see cref="Seq"/> increases per account so
/// consumers can drop duplicates after a failover replays a batch.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.AccountEvent")]
public sealed record AccountEvent
{
    [Id(0)] public required string AccountKey { get; init; }
    [Id(1)] public required long Seq { get; init; }
    /// <summary>receive_message, send_message or event.</summary>
    [Id(2)] public required string PostType { get; init; }
    [Id(3)] public ChatMessage? Message { get; init; }
    /// <summary>Event name when PostType is event (login, state_change, new_friend...).</summary>
    [Id(4)] public string? Event { get; init; }
    /// <summary>Event parameters (strings, numbers, contacts, groups).</summary>
    [Id(5)] public IReadOnlyList<EventParam> Params { get; init; } = [];
    [Id(6)] public DateTimeOffset Time { get; init; }

    /// <summary>
    /// Stable identity of the event: the account key and its sequence number, both saved with the event before it
    /// is delivered, so retries, replays, silo moves and restarts deliver it under the same id.
    /// </summary>
    public string Id => $"{AccountKey}:{Seq}";

    public const string ReceiveMessage = "receive_message";
    public const string SendMessage = "send_message";
    public const string EventPost = "event";
}
