namespace OpenWxCluster.Emulator.Control;

/// <summary>
/// The server MsgId and the wxids whose live web sessions received the message. <see cref="QueuedAt"/> is when the
/// emulator queued it for those sessions (and woke their held syncchecks), precise enough to time deliveries from.
/// </summary>
public sealed record ControlMessageResult(string MsgId, long CreateTime, IReadOnlyList<string> DeliveredTo, DateTimeOffset? QueuedAt = null);
