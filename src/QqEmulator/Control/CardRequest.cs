namespace OpenWxCluster.QqEmulator.Control;

/// <summary>PUT /control/groups/{groupId}/members/{userId}/card: the new card, set by the member or (OperatorId) a higher one.</summary>
public sealed record CardRequest(string Card, long? OperatorId = null);
