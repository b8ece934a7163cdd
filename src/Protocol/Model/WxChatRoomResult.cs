namespace OpenWxCluster.Protocol;

/// <summary>webwxcreatechatroom: the new group's <c>@@</c> id, its topic and the members the server accepted.</summary>
public sealed record WxChatRoomResult(string ChatRoomName, string Topic, IReadOnlyList<WxContact> MemberList);
