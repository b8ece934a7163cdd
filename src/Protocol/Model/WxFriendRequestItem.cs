namespace OpenWxCluster.Protocol;

/// <summary>MsgType 37: <c>friend_request(id, displayname, verify, ticket)</c>.</summary>
public sealed record WxFriendRequestItem(string UserName, string NickName, string VerifyContent, string Ticket) : WxParsedItem;
