namespace OpenWxCluster.QqEmulator.Control;

/// <summary>Who does a recall, kick or ban from the control API; Duration (seconds) only for bans.</summary>
public sealed record OperatorRequest(long OperatorId, long Duration = 0);
