using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.QqEmulator.Control;

/// <summary>POST /control/groups/{id}/members: a user joins, approved by OperatorId (default the owner).</summary>
public sealed record AddMemberRequest(long UserId, QqRole Role = QqRole.Member, string? Card = null, long? OperatorId = null);
