using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.QqEmulator.Control;

/// <summary>GET /control/groups/{id}: the group and its members (roles, cards, bans).</summary>
public sealed record GroupInfo(GroupView Group, IReadOnlyList<MemberView> Members);
