namespace OpenWxCluster.Emulator.Sessions;

/// <summary>RecommendInfo of a friend request (MsgType 37) or a card (42), with stable ids.</summary>
internal sealed record RecommendData(string Wxid, string NickName, string Content, string Ticket, string Alias = "",
    string Province = "", string City = "", int Sex = 0, int Scene = 0);
