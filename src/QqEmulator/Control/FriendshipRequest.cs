namespace OpenWxCluster.QqEmulator.Control;

/// <summary>POST /control/friendships: two users become friends.</summary>
public sealed record FriendshipRequest(long A, long B);
