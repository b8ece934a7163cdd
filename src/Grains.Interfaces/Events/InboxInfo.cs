namespace OpenWxCluster.Contracts;

/// <summary>
/// What a check_event inbox holds: events waiting for a poll, the highest event sequence it accepted, and how many
/// events it dropped because it was full (Mojo drops the oldest silently; the count makes the loss visible), and
/// how many polls are waiting for the next event right now. For cursor mode: how many events the cursor log
/// retains, how many it dropped when full, and the sequence after which it began to retain (null while no cursor
/// poll was ever made, so there is no log). For the admin console: when the newest event was accepted, and how many
/// messages (receive_message, send_message) it accepted over its life.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.InboxInfo")]
public sealed record InboxInfo(
    int Pending,
    long LastSeq,
    long Dropped,
    int WaitingPolls,
    int Retained,
    long CursorDropped,
    long? CursorStart,
    DateTimeOffset? LastEventTime = null,
    long MessagesIn = 0,
    long MessagesOut = 0);
