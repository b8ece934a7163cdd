namespace OpenWxCluster.Emulator.Control;

/// <summary>POST/DELETE /control/friendships: A and B are wxids; remarks are what each gives the other.</summary>
public sealed record FriendshipRequest(string A, string B, string? RemarkA = null, string? RemarkB = null);
