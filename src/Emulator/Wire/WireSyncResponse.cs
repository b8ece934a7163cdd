namespace OpenWxCluster.Emulator.Wire;

public sealed record WireSyncResponse
{
    public required WireBaseResponse BaseResponse { get; init; }
    public int AddMsgCount { get; init; }
    public IReadOnlyList<WireMessage> AddMsgList { get; init; } = [];
    public int ModContactCount { get; init; }
    public IReadOnlyList<WireContact> ModContactList { get; init; } = [];
    public int DelContactCount { get; init; }
    public IReadOnlyList<WireDelContact> DelContactList { get; init; } = [];
    public int ModChatRoomMemberCount { get; init; }
    public IReadOnlyList<object> ModChatRoomMemberList { get; init; } = [];
    public WireProfile Profile { get; init; } = new(0);
    public int ContinueFlag { get; init; }
    public required WireSyncKey SyncKey { get; init; }
    public string SKey { get; init; } = "";
    public required WireSyncKey SyncCheckKey { get; init; }
}
