namespace OpenWxCluster.Contracts;

/// <summary>
/// Events a cursor poll can no longer return because the cursor log was full and dropped them (oldest first):
/// sequence numbers <see cref="FirstSeq"/> to <see cref="LastSeq"/>, dropped by <see cref="DroppedAt"/>. Reported
/// before the events of the answer, so a consumer always learns of a loss.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.EventGap")]
public sealed record EventGap(long FirstSeq, long LastSeq, DateTimeOffset DroppedAt);
