namespace OpenWxCluster.Emulator.Wire;

/// <summary>webwxgetcontact page; Seq ≠ 0 means "ask again with seq=Seq".</summary>
public sealed record WireGetContactResponse(WireBaseResponse BaseResponse, int MemberCount, IReadOnlyList<WireContact> MemberList, long Seq);
