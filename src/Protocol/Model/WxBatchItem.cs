namespace OpenWxCluster.Protocol;

/// <summary>One id in a webwxbatchgetcontact request; members of a group carry the group's EncryChatRoomId.</summary>
public sealed record WxBatchItem(string UserName, string EncryChatRoomId = "");
