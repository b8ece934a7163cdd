namespace OpenWxCluster.Emulator.Wire;

public sealed record WireInitResponse(
    WireBaseResponse BaseResponse,
    int Count,
    IReadOnlyList<WireContact> ContactList,
    WireSyncKey SyncKey,
    WireSelfUser User,
    string ChatSet,
    string SKey,
    long ClientVersion,
    long SystemTime,
    int GrayScale,
    int InviteStartCount,
    int MPSubscribeMsgCount,
    IReadOnlyList<object> MPSubscribeMsgList,
    int ClickReportInterval);
