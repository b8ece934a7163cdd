namespace OpenWxCluster.Emulator.Control;

/// <summary>A friend request (MsgType 37) waiting for the recipient; Ticket is what webwxverifyuser Opcode 3 needs.</summary>
public sealed record FriendRequestInfo(string From, string To, string Content, string Ticket, bool Accepted);
