namespace OpenWxCluster.Protocol;

/// <summary>webwxinit: the logged-in user, recent chats (groups with members) and the comma-separated ChatSet.</summary>
public sealed record WxInitResult(WxContact User, IReadOnlyList<WxContact> ContactList, IReadOnlyList<string> ChatSet);
