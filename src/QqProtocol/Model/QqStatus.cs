namespace OpenWxCluster.QqProtocol;

/// <summary>
/// <c>get_status</c> and the heartbeat's <c>status</c>. <see cref="Online"/> is null when the implementation leaves it
/// out (the spec allows that); callers should then rely on <see cref="Good"/>.
/// </summary>
public sealed record QqStatus(bool? Online, bool Good);
