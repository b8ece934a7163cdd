namespace OpenWxCluster.QqProtocol;

/// <summary>A message event's <c>sender</c>; card and role are only meaningful in groups.</summary>
public sealed record QqSender(long UserId, string Nickname, string Card, QqGroupRole Role);
