namespace OpenWxCluster.Protocol;

/// <summary>MsgType 51 with codes 2 or 4: contacts named here should be batch-fetched if unknown.</summary>
public sealed record WxStatusNotifyItem(int Code, IReadOnlyList<string> UserNames) : WxParsedItem;
