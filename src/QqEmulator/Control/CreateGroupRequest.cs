namespace OpenWxCluster.QqEmulator.Control;

/// <summary>POST /control/groups: a group with its owner as the only member.</summary>
public sealed record CreateGroupRequest(long GroupId, string Name, long OwnerId);
