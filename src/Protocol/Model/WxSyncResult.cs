namespace OpenWxCluster.Protocol;

/// <summary>webwxsync: raw messages and contact changes. ContinueFlag ≠ 0 asks for another sync at once.</summary>
public sealed record WxSyncResult(
    IReadOnlyList<WxRawMessage> AddMsgList,
    IReadOnlyList<WxContact> ModContactList,
    IReadOnlyList<string> DelContactList,
    int ContinueFlag);
