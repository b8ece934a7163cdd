namespace OpenWxCluster.Emulator.Wire;

/// <summary>webwxcreatechatroom: the new group's session UserName (ChatRoomName) and its members.</summary>
public sealed record WireCreateChatRoomResponse(
    WireBaseResponse BaseResponse,
    string Topic,
    string PYInitial,
    string QuanPin,
    int MemberCount,
    IReadOnlyList<WireMember> MemberList,
    string ChatRoomName,
    string BlackList);
