namespace OpenWxCluster.QqProtocol.Events;

/// <summary>
/// <c>message.discuss</c> (OneBot v11): a message in a discuss group. The event carries the discuss id but never its
/// name, and OneBot has no action that lists discuss groups; the sender has a nickname, no card or role.
/// </summary>
public sealed record QqDiscussMessageEvent(
    long Time, long SelfId, long MessageId, long DiscussId, long UserId, IReadOnlyList<OneBotSegment> Message, string RawMessage, QqSender Sender)
    : OneBotEvent(Time, SelfId);
