namespace OpenWxCluster.QqEmulator.Control;

/// <summary>PUT /control/bots/{selfId}/friends/{userId}/category: the friend group the friend moves into.</summary>
public sealed record CategoryRequest(int CategoryId, string Name);
