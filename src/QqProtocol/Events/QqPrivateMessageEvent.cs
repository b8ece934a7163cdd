namespace OpenWxCluster.QqProtocol.Events;

/// <summary><c>message.private</c>; <see cref="SubType"/> is <c>friend</c>, <c>group</c> (temporary session) or <c>other</c>.</summary>
public sealed record QqPrivateMessageEvent(
    long Time, long SelfId, string SubType, long MessageId, long UserId, IReadOnlyList<OneBotSegment> Message, string RawMessage, QqSender Sender)
    : OneBotEvent(Time, SelfId)
{
    /// <summary>The group a temporary session came through (<c>sender.group_id</c>, else go-cqhttp's top-level <c>group_id</c>); 0 when none.</summary>
    public long TempGroupId { get; init; }
}
