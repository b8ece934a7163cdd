namespace OpenWxCluster.Emulator.Control;

/// <summary>POST /control/friend-requests: From (a wxid, not yet a friend) asks To to add it, with a verify text.</summary>
public sealed record FriendRequestRequest(string From, string To, string Content = "");
