namespace OpenWxCluster.QqProtocol.Events;

/// <summary><c>notice.group_card</c> (go-cqhttp's extension, NapCat sends it): a member's group card changed.</summary>
public sealed record QqGroupCardEvent(long Time, long SelfId, long GroupId, long UserId, string CardNew, string CardOld)
    : OneBotEvent(Time, SelfId);
